-- Hand-written: a new request filed in one round trip (issue #15, item 2). The application computes every
-- value written here (lib/requests/file-new-request.ts builds the row, the event's details, the token's hash,
-- the email and the rate-limit windows), so the rules stay in TypeScript; these functions only check and write.
--
-- create_unverified_request: the request row, its 'submitted' audit event (chained by request_events_chain),
-- its verification token and the verification email in the outbox with its delivery job. Both intake paths
-- create requests through it.
CREATE FUNCTION "create_unverified_request"(
  "p_request" jsonb,
  "p_event_details" jsonb,
  "p_ip" inet,
  "p_token_hash" text,
  "p_token_expires_at" timestamptz,
  "p_email_id" uuid,
  "p_email_message_id" text,
  "p_email_payload" jsonb,
  "p_delivery_job_key" text
) RETURNS uuid
LANGUAGE plpgsql AS $$
DECLARE
  "v_id" uuid;
  "v_email" text;
  "v_organisation_name" text;
BEGIN
  INSERT INTO "requests" (
    "id", "type", "channel", "jurisdiction", "email_hash", "email", "full_name", "account_identifier", "details",
    "correction_fields", "agent_name", "agent_email", "agent_organisation", "is_filed_by_agent", "copy_before_erasure",
    "time_zone", "gpc_signal", "language", "received_at", "received_on", "unverified_expires_at"
  )
  SELECT
    r."id", r."type", r."channel", r."jurisdiction", r."email_hash", r."email", r."full_name", r."account_identifier", r."details",
    r."correction_fields", r."agent_name", r."agent_email", r."agent_organisation", r."is_filed_by_agent", r."copy_before_erasure",
    r."time_zone", r."gpc_signal", r."language", r."received_at", r."received_on", r."unverified_expires_at"
  FROM jsonb_populate_record(NULL::"requests", "p_request") AS r
  RETURNING "id", "email" INTO "v_id", "v_email";

  INSERT INTO "request_events" ("request_id", "actor_type", "action", "details", "ip", "is_visible_to_requester")
    VALUES ("v_id", 'requester', 'submitted', "p_event_details", "p_ip", true);

  INSERT INTO "request_tokens" ("request_id", "purpose", "token_hash", "expires_at")
    VALUES ("v_id", 'verification', "p_token_hash", "p_token_expires_at");

  -- The payload names the environment's default organisation; the name an admin saved on the settings page
  -- (the 'organisation' row, lib/settings/get-organisation-settings.ts) replaces it.
  SELECT NULLIF("value"->>'organisationName', '') INTO "v_organisation_name" FROM "settings" WHERE "key" = 'organisation';
  INSERT INTO "outbound_emails" ("id", "request_id", "template", "recipient", "payload", "message_id")
    VALUES (
      "p_email_id", "v_id", "p_email_payload"->>'template', "v_email",
      CASE WHEN "v_organisation_name" IS NULL THEN "p_email_payload"
        ELSE jsonb_set("p_email_payload", '{props,organisationName}', to_jsonb("v_organisation_name")) END,
      "p_email_message_id"
    );
  PERFORM graphile_worker.add_job(
    'deliver-email',
    json_build_object('outboundEmailId', "p_email_id"),
    job_key => "p_delivery_job_key",
    max_attempts => 25
  );
  RETURN "v_id";
END;
$$;
--> statement-breakpoint
-- file_request: the whole intake of an ordinary submission, in the order the transactional path keeps (the
-- address's counter first, the IP's last). A new request is created; a repeat of an open request queues a
-- merge-duplicate-submission job (lib/requests/merge-duplicate-submission.ts resends its link), so a new address and
-- a repeat cost the same one statement and their answers cannot be told apart by time. Anything else — a type the
-- regime does not offer, a limit reached, webhook subscribers to tell of a new request — raises SQLSTATE DS001,
-- which rolls all of it back; the application then takes its transactional path, which handles every case.
-- VOLATILE (the default): each statement takes a fresh snapshot, so once the counter's row lock is ours, an
-- identical submission that held it before us has committed and its request is seen.
CREATE FUNCTION "file_request"(
  "p_email_limit_key" text,
  "p_email_window_start" timestamptz,
  "p_email_limit" integer,
  "p_ip_limit_key" text,
  "p_ip_window_start" timestamptz,
  "p_ip_limit" integer,
  "p_open_statuses" text[],
  "p_webhook_events" text[],
  "p_request" jsonb,
  "p_event_details" jsonb,
  "p_ip" inet,
  "p_token_hash" text,
  "p_token_expires_at" timestamptz,
  "p_email_id" uuid,
  "p_email_message_id" text,
  "p_email_payload" jsonb,
  "p_delivery_job_key" text
) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  "v_attempts" integer;
  "v_open_id" uuid;
  "v_outcome" text;
BEGIN
  IF NOT COALESCE(
    (SELECT "policy"->'requestTypes' ? ("p_request"->>'type') FROM "jurisdiction_policies" WHERE "code" = "p_request"->>'jurisdiction'),
    false
  ) THEN
    RAISE EXCEPTION USING ERRCODE = 'DS001', MESSAGE = 'intake: request type not offered';
  END IF;

  INSERT INTO "intake_rate_counters" ("key", "window_start", "attempts") VALUES ("p_email_limit_key", "p_email_window_start", 1)
    ON CONFLICT ("key", "window_start") DO UPDATE SET "attempts" = "intake_rate_counters"."attempts" + 1
    RETURNING "attempts" INTO "v_attempts";
  IF "v_attempts" > "p_email_limit" THEN
    RAISE EXCEPTION USING ERRCODE = 'DS001', MESSAGE = 'intake: address limit reached';
  END IF;

  SELECT "id" INTO "v_open_id" FROM "requests"
    WHERE "email_hash" = "p_request"->>'email_hash'
      AND "type" = ("p_request"->>'type')::"request_type"
      AND "status" = ANY ("p_open_statuses"::"request_status"[])
    LIMIT 1;
  IF "v_open_id" IS NOT NULL THEN
    PERFORM graphile_worker.add_job(
      'merge-duplicate-submission',
      json_build_object('requestId', "v_open_id", 'channel', "p_request"->>'channel', 'ip', host("p_ip")),
      max_attempts => 25
    );
    "v_outcome" := 'merged';
  ELSIF EXISTS (
    SELECT 1 FROM "event_subscriptions"
    WHERE "is_enabled" AND "events" && "p_webhook_events" AND "opendsr_request_id" IS NULL
  ) THEN
    RAISE EXCEPTION USING ERRCODE = 'DS001', MESSAGE = 'intake: webhook subscribers to tell';
  ELSE
    PERFORM "create_unverified_request"(
      "p_request", "p_event_details", "p_ip", "p_token_hash", "p_token_expires_at",
      "p_email_id", "p_email_message_id", "p_email_payload", "p_delivery_job_key"
    );
    "v_outcome" := 'created';
  END IF;

  IF "p_ip_limit_key" IS NOT NULL THEN
    INSERT INTO "intake_rate_counters" ("key", "window_start", "attempts") VALUES ("p_ip_limit_key", "p_ip_window_start", 1)
      ON CONFLICT ("key", "window_start") DO UPDATE SET "attempts" = "intake_rate_counters"."attempts" + 1
      RETURNING "attempts" INTO "v_attempts";
    IF "v_attempts" > "p_ip_limit" THEN
      RAISE EXCEPTION USING ERRCODE = 'DS001', MESSAGE = 'intake: client address limit reached';
    END IF;
  END IF;
  RETURN "v_outcome";
END;
$$;
