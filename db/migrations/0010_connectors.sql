ALTER TYPE "public"."data_source_kind" ADD VALUE 'mysql';--> statement-breakpoint
ALTER TABLE "fulfilment_source_results" ADD COLUMN "plan" jsonb;--> statement-breakpoint
ALTER TABLE "fulfilment_source_results" ADD COLUMN "proof" jsonb;