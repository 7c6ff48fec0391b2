CREATE TABLE "request_status_deltas" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"status" "request_status" NOT NULL,
	"delta" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_status_totals" (
	"status" "request_status" PRIMARY KEY NOT NULL,
	"requests" bigint NOT NULL
);
--> statement-breakpoint
-- Hand-written: the triggers that keep the counts, and the counts of the requests that exist (under a lock
-- that keeps writers out until the migration commits, so none is counted twice or missed).
LOCK TABLE "requests" IN SHARE ROW EXCLUSIVE MODE;
--> statement-breakpoint
CREATE FUNCTION "request_status_deltas_track"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "request_status_deltas" ("status", "delta") VALUES (NEW."status", 1);
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "request_status_deltas" ("status", "delta") VALUES (OLD."status", -1);
  ELSE
    INSERT INTO "request_status_deltas" ("status", "delta") VALUES (OLD."status", -1), (NEW."status", 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "request_status_counts_on_insert_or_delete" AFTER INSERT OR DELETE ON "requests"
  FOR EACH ROW EXECUTE FUNCTION "request_status_deltas_track"();
--> statement-breakpoint
CREATE TRIGGER "request_status_counts_on_status_change" AFTER UPDATE OF "status" ON "requests"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status") EXECUTE FUNCTION "request_status_deltas_track"();
--> statement-breakpoint
INSERT INTO "request_status_totals" ("status", "requests")
  SELECT "status", count(*) FROM "requests" GROUP BY "status";
--> statement-breakpoint
-- Appended and deleted every minute: vacuum it as soon as a few thousand rows are dead.
ALTER TABLE "request_status_deltas" SET (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0);
