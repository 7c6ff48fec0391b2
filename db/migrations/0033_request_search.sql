CREATE TABLE "request_search" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"reference" text,
	"email" text,
	"full_name" text
);
--> statement-breakpoint
ALTER TABLE "request_search" ADD CONSTRAINT "request_search_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written: the triggers that keep request_search in step with requests, and the rows of the requests
-- that exist (under a lock that keeps writers out until the migration commits, so none is missed).
LOCK TABLE "requests" IN SHARE ROW EXCLUSIVE MODE;
--> statement-breakpoint
CREATE FUNCTION "request_search_sync"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "request_search" ("request_id", "reference", "email", "full_name")
      VALUES (NEW."id", NEW."reference", NEW."email", NEW."full_name");
  ELSE
    UPDATE "request_search" SET "reference" = NEW."reference", "email" = NEW."email", "full_name" = NEW."full_name"
      WHERE "request_id" = NEW."id";
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "request_search_on_insert" AFTER INSERT ON "requests"
  FOR EACH ROW EXECUTE FUNCTION "request_search_sync"();
--> statement-breakpoint
CREATE TRIGGER "request_search_on_change" AFTER UPDATE OF "reference", "email", "full_name" ON "requests"
  FOR EACH ROW WHEN ((OLD."reference", OLD."email", OLD."full_name") IS DISTINCT FROM (NEW."reference", NEW."email", NEW."full_name"))
  EXECUTE FUNCTION "request_search_sync"();
--> statement-breakpoint
INSERT INTO "request_search" ("request_id", "reference", "email", "full_name")
  SELECT "id", "reference", "email", "full_name" FROM "requests";
--> statement-breakpoint
-- The indexes after the rows: one build each instead of a million insertions.
CREATE INDEX "request_search_reference_trgm" ON "request_search" USING gin ("reference" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "request_search_email_trgm" ON "request_search" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "request_search_full_name_trgm" ON "request_search" USING gin ("full_name" gin_trgm_ops);--> statement-breakpoint
DROP INDEX "requests_search_reference_trgm";--> statement-breakpoint
DROP INDEX "requests_search_email_trgm";--> statement-breakpoint
DROP INDEX "requests_search_full_name_trgm";
