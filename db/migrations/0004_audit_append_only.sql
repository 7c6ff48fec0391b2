-- The audit trail becomes a hash chain that can only grow.
--
-- Canonical form of one event (lib/audit/canonical-event-text.ts recomputes it in JS, byte for byte):
-- a JSON object with exactly these keys in this (sorted) order and no whitespace:
--   action, actor_id, actor_type, created_at, details, id, ip, is_visible_to_requester, request_id
-- strings escaped as JSON (to_json), absent values as null, id as a bare integer,
-- created_at as UTC 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (the microseconds PostgreSQL stores),
-- ip as inet's text form ('203.0.113.9/32'), details as jsonb's own text output (jsonb has
-- already normalised key order, duplicate keys and numbers, so it is what is read back).
-- hash = lower-hex sha256 of UTF-8 (previous_hash, or '' for the first event, || canonical form).
CREATE FUNCTION "audit_event_canonical_text"(event "public"."request_events") RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT '{"action":' || to_json(event.action)::text
    || ',"actor_id":' || coalesce(to_json(event.actor_id)::text, 'null')
    || ',"actor_type":' || to_json(event.actor_type::text)::text
    || ',"created_at":"' || to_char(event.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '"'
    || ',"details":' || event.details::text
    || ',"id":' || event.id::text
    || ',"ip":' || coalesce(to_json(event.ip::text)::text, 'null')
    || ',"is_visible_to_requester":' || CASE WHEN event.is_visible_to_requester THEN 'true' ELSE 'false' END
    || ',"request_id":' || coalesce(to_json(event.request_id::text)::text, 'null')
    || '}'
$$;
--> statement-breakpoint
CREATE FUNCTION "audit_event_hash"(previous_hash text, canonical text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(coalesce(previous_hash, '') || canonical, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Chains every insert, whoever writes it (the app, the worker, raw SQL). The transaction-level
-- advisory lock is held until commit, so writers take turns: without it two transactions could
-- read the same head and both link to it (a fork). The id is drawn again under the lock so that
-- id order is chain order (the identity default was drawn before the lock, in arrival order).
-- Cost: audit writes are serialised across all processes, each waiting for the previous writer's
-- transaction to commit; fine for a workflow app's rate of state changes.
CREATE FUNCTION "request_events_chain"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  head_hash text;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    -- An older snapshot would not see the head another writer committed while we waited for the lock.
    RAISE EXCEPTION 'audit events must be written in a READ COMMITTED transaction (got %)', current_setting('transaction_isolation');
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('dsr-desk:audit-chain', 0));
  NEW.id := nextval(pg_get_serial_sequence('public.request_events', 'id'));
  SELECT hash INTO head_hash FROM "public"."request_events" ORDER BY id DESC LIMIT 1;
  NEW.previous_hash := head_hash;
  NEW.hash := "public"."audit_event_hash"(head_hash, "public"."audit_event_canonical_text"(NEW));
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "request_events_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'request_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
-- Events written before this migration are chained once, in id order, before the table is sealed.
DO $$
DECLARE
  event "public"."request_events";
  head_hash text := NULL;
BEGIN
  FOR event IN SELECT * FROM "public"."request_events" ORDER BY id LOOP
    UPDATE "public"."request_events"
      SET previous_hash = head_hash, hash = "public"."audit_event_hash"(head_hash, "public"."audit_event_canonical_text"(event))
      WHERE id = event.id
      RETURNING hash INTO head_hash;
  END LOOP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "request_events_chain" BEFORE INSERT ON "request_events" FOR EACH ROW EXECUTE FUNCTION "request_events_chain"();
--> statement-breakpoint
CREATE TRIGGER "request_events_no_update_delete" BEFORE UPDATE OR DELETE ON "request_events" FOR EACH ROW EXECUTE FUNCTION "request_events_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "request_events_no_truncate" BEFORE TRUNCATE ON "request_events" FOR EACH STATEMENT EXECUTE FUNCTION "request_events_refuse_change"();
--> statement-breakpoint
-- ALWAYS: the guards fire even with session_replication_role = replica; only an explicit
-- ALTER TABLE ... DISABLE TRIGGER by the table owner or a superuser turns them off.
ALTER TABLE "request_events" ENABLE ALWAYS TRIGGER "request_events_no_update_delete";
--> statement-breakpoint
ALTER TABLE "request_events" ENABLE ALWAYS TRIGGER "request_events_no_truncate";
--> statement-breakpoint
-- Defence in depth beside the triggers; the grants for the app's own role are in db/roles.sql.
REVOKE UPDATE, DELETE, TRUNCATE ON "request_events" FROM PUBLIC;
