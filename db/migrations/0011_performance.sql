CREATE TABLE "intake_rate_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"attempts" integer NOT NULL,
	CONSTRAINT "intake_rate_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "audit_log_leaves" (
	"leaf_index" bigint PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"leaf_hash" text NOT NULL,
	CONSTRAINT "audit_log_leaves_eventId_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "audit_tree_heads" (
	"tree_size" bigint PRIMARY KEY NOT NULL,
	"root_hash" text NOT NULL,
	"last_event_id" bigint NOT NULL,
	"frontier" jsonb NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"key_fingerprint" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"legacy_chain_through_event_id" bigint
);
--> statement-breakpoint
DROP TABLE "intake_attempts" CASCADE;--> statement-breakpoint
-- Hand-written from here (the Merkle-tree audit log, lib/audit/seal-audit-log.ts and verify-audit-chain.ts).
-- Events written so far keep their global chain and are verified that way; later ones chain per request.
INSERT INTO "audit_log_state" ("id", "legacy_chain_through_event_id") SELECT 1, max("id") FROM "request_events";
--> statement-breakpoint
-- No global lock any more: an event links to the previous event of its own request, read under that
-- request's row lock (FOR NO KEY UPDATE, taken here so every writer is covered; a writer already holding
-- the row pays nothing). Workspace events (no request) link to nothing; the Merkle tree covers them all.
-- The xid is taken before the id is drawn, so the sealer's watermark (every transaction running when it
-- read the sequence has ended) covers every writer that could still commit an id below it.
CREATE OR REPLACE FUNCTION "request_events_chain"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  head_hash text;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    -- An older snapshot would not see the request's newest event committed while we waited for its row.
    RAISE EXCEPTION 'audit events must be written in a READ COMMITTED transaction (got %)', current_setting('transaction_isolation');
  END IF;
  PERFORM pg_current_xact_id();
  IF NEW.request_id IS NOT NULL THEN
    PERFORM 1 FROM "public"."requests" WHERE id = NEW.request_id FOR NO KEY UPDATE;
    SELECT hash INTO head_hash FROM "public"."request_events" WHERE request_id = NEW.request_id ORDER BY id DESC LIMIT 1;
  END IF;
  NEW.id := nextval(pg_get_serial_sequence('public.request_events', 'id'));
  NEW.previous_hash := head_hash;
  NEW.hash := "public"."audit_event_hash"(head_hash, "public"."audit_event_canonical_text"(NEW));
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "audit_append_only_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_leaves_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log_leaves" FOR EACH ROW EXECUTE FUNCTION "audit_append_only_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_leaves_no_truncate" BEFORE TRUNCATE ON "audit_log_leaves" FOR EACH STATEMENT EXECUTE FUNCTION "audit_append_only_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_tree_heads_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_tree_heads" FOR EACH ROW EXECUTE FUNCTION "audit_append_only_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_tree_heads_no_truncate" BEFORE TRUNCATE ON "audit_tree_heads" FOR EACH STATEMENT EXECUTE FUNCTION "audit_append_only_refuse_change"();
--> statement-breakpoint
ALTER TABLE "audit_log_leaves" ENABLE ALWAYS TRIGGER "audit_log_leaves_no_update_delete";
--> statement-breakpoint
ALTER TABLE "audit_log_leaves" ENABLE ALWAYS TRIGGER "audit_log_leaves_no_truncate";
--> statement-breakpoint
ALTER TABLE "audit_tree_heads" ENABLE ALWAYS TRIGGER "audit_tree_heads_no_update_delete";
--> statement-breakpoint
ALTER TABLE "audit_tree_heads" ENABLE ALWAYS TRIGGER "audit_tree_heads_no_truncate";
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log_leaves", "audit_tree_heads", "audit_log_state" FROM PUBLIC;
--> statement-breakpoint
-- The queue's open-status counts are index-only scans; they stay cheap only while the visibility map is
-- fresh. The default waits for 20 % of the table to change (200,000 claims at a million requests); 1 % of
-- it (and of inserts) keeps vacuum following the churn of claims and status changes.
ALTER TABLE "requests" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);
