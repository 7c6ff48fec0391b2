ALTER TABLE "outbound_emails" ADD COLUMN "sending_attempt_id" uuid;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "sending_since" timestamp with time zone;