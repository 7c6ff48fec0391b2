ALTER TABLE "requests" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "data_sources" ADD COLUMN "public_name" text;