-- Hand-written (issue #15, item 2). graphile_worker.add_job ends with pg_notify('jobs:insert'). A transaction
-- that has notified takes PostgreSQL's notify lock (one for the whole server) before it commits and keeps it until its
-- commit record is flushed, so every intake, which queued its email's job with add_job, committed one after
-- another, each waiting for the one before it to reach the disk. Measured: a transaction of one INSERT at 8,300 per
-- second with 16 clients, 3,600 with a NOTIFY added; intake 493 req/s with add_job, 1,347 without it.
--
-- add_job_quietly inserts a new job as add_job does, without the notification; the application wakes the workers
-- after its commit instead, once for everything its process queued in the last few milliseconds
-- (lib/jobs/wake-workers.ts). A wake that never comes (the process died after its commit) costs at most one poll
-- interval (2 s): the workers also poll. It relies on graphile-worker 0.18's tables, as
-- lib/jobs/worker-heartbeat.ts does; the version is pinned in package.json.
-- For a new job only: its key, if any, must not be queued already (a duplicate key fails, it never replaces).
CREATE FUNCTION "add_job_quietly"(
  "p_identifier" text,
  "p_payload" json,
  "p_job_key" text,
  "p_max_attempts" smallint
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO graphile_worker._private_jobs ("task_id", "payload", "run_at", "max_attempts", "key", "priority")
    SELECT "tasks"."id", "p_payload", now(), "p_max_attempts", "p_job_key", 0
    FROM graphile_worker._private_tasks AS "tasks"
    WHERE "tasks"."identifier" = "p_identifier";
  IF NOT FOUND THEN
    -- The first job of this task in this database: add_job registers the task (and notifies, this once).
    PERFORM graphile_worker.add_job("p_identifier", "p_payload", job_key => "p_job_key", max_attempts => "p_max_attempts");
  END IF;
END;
$$;
--> statement-breakpoint
-- The two intake functions of migration 0034, unchanged but for queuing their job with add_job_quietly.
CREATE OR REPLACE FUNCTION "create_unverified_request"(
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
  PERFORM "add_job_quietly"('deliver-email', json_build_object('outboundEmailId', "p_email_id"), "p_delivery_job_key", 25::smallint);
  RETURN "v_id";
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "file_request"(
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
    PERFORM "add_job_quietly"(
      'merge-duplicate-submission',
      json_build_object('requestId', "v_open_id", 'channel', "p_request"->>'channel', 'ip', host("p_ip")),
      NULL, 25::smallint
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
