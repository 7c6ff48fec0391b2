ALTER TABLE "incident_lookups" ADD COLUMN "people_rejected" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_lookups" ADD COLUMN "webhook_cursor" text;--> statement-breakpoint
ALTER TABLE "incident_lookups" ADD COLUMN "callback_job_id" text;--> statement-breakpoint
ALTER TABLE "incident_lookups" ADD COLUMN "awaiting_callback_since" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "incident_lookups_by_callback_job" ON "incident_lookups" USING btree ("callback_job_id");