ALTER TABLE "request_events" ADD COLUMN "previous_hash" text;--> statement-breakpoint
ALTER TABLE "request_events" ADD COLUMN "hash" text;