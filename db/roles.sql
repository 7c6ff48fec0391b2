-- Grants for the application's own database role, `dsr_desk_app`: what the web server and
-- the worker connect as (name it otherwise by replacing every dsr_desk_app below). Migrations (npm run db:migrate) run as the role that owns the
-- tables (e.g. `dsr_desk_owner`), never as this one. Idempotent: run it as the owner (or a
-- superuser) after every `npm run db:migrate`, since new tables are not covered otherwise:
--
--   psql "$OWNER_DATABASE_URL" -v ON_ERROR_STOP=1 -f db/roles.sql
--
-- Create the two roles once beforehand, e.g.
--   CREATE ROLE dsr_desk_owner LOGIN PASSWORD '…';
--   CREATE ROLE dsr_desk_app LOGIN PASSWORD '…';
--   CREATE DATABASE dsr_desk OWNER dsr_desk_owner;
-- The embedded default (`npm start` without DATABASE_URL) does all of this itself.

-- CONNECT on the database comes from PUBLIC by default; grant it if your server revoked that.
GRANT USAGE ON SCHEMA public TO dsr_desk_app;

-- Everything the app reads and changes: requests, tokens, outbox, staff, settings, …
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO dsr_desk_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO dsr_desk_app;

-- The audit log only grows: the app may add and read events, nothing else. (The triggers of
-- migration 0004 refuse UPDATE, DELETE and TRUNCATE for every role as well.)
REVOKE ALL ON TABLE request_events FROM dsr_desk_app;
GRANT SELECT, INSERT ON TABLE request_events TO dsr_desk_app;
-- The same for the Merkle tree the worker seals the log into, and its signed tree heads (migration 0010_performance).
REVOKE ALL ON TABLE audit_log_leaves, audit_tree_heads, audit_log_state FROM dsr_desk_app;
GRANT SELECT, INSERT ON TABLE audit_log_leaves, audit_tree_heads TO dsr_desk_app;
GRANT SELECT ON TABLE audit_log_state TO dsr_desk_app;

-- graphile-worker: the app adds jobs (graphile_worker.add_job) and the worker takes, finishes
-- and reschedules them. Its private tables have row-level security with no policies, so only
-- their owner may use them: the app role owns the queue's tables (not the schema). The owner
-- role keeps upgrading them in `npm run db:migrate` through membership of the app role:
--   GRANT dsr_desk_app TO dsr_desk_owner;
-- (a superuser running this script needs nothing more). At start the worker only reads
-- graphile_worker.migrations.
GRANT USAGE ON SCHEMA graphile_worker TO dsr_desk_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO dsr_desk_app;
DO $$
DECLARE
  queue_table record;
BEGIN
  FOR queue_table IN
    SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'graphile_worker' AND c.relkind IN ('r', 'p', 'v')
  LOOP
    -- Sequences owned by a table follow it.
    EXECUTE format('ALTER %s graphile_worker.%I OWNER TO dsr_desk_app', CASE queue_table.relkind WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, queue_table.relname);
  END LOOP;
END;
$$;
