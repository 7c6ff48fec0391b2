ALTER TABLE "requests" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "data_sources" ADD COLUMN "public_name" text;--> statement-breakpoint
ALTER TABLE "fulfilment_runs" ADD COLUMN "requester_message" text;