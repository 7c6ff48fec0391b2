CREATE TABLE "job_worker_heartbeats" (
	"process_id" uuid PRIMARY KEY NOT NULL,
	"worker_ids" text[] NOT NULL,
	"hostname" text NOT NULL,
	"pid" text NOT NULL,
	"beat_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"failing_count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "sending_attempt_id" uuid;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "sending_since" timestamp with time zone;