-- Queue search: pg_trgm (a contrib extension shipped with PostgreSQL, and with embedded-postgres) gives
-- the GIN trigram indexes below, so ILIKE '%part%' on reference, email and name uses an index. It is a
-- trusted extension since PostgreSQL 13: the database owner that runs migrations may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "queue_saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "queue_saved_views" ADD CONSTRAINT "queue_saved_views_staff_id_staff_members_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "queue_saved_views_name_per_staff" ON "queue_saved_views" USING btree ("staff_id","name");--> statement-breakpoint
CREATE INDEX "queue_saved_views_by_staff" ON "queue_saved_views" USING btree ("staff_id","created_at");--> statement-breakpoint
CREATE INDEX "requests_search_reference_trgm" ON "requests" USING gin ("reference" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "requests_search_email_trgm" ON "requests" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "requests_search_full_name_trgm" ON "requests" USING gin ("full_name" gin_trgm_ops);
