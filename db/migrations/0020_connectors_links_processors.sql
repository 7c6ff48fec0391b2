ALTER TYPE "public"."data_source_kind" ADD VALUE 'processor';--> statement-breakpoint
CREATE TABLE "processor_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_result_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"vendor_name" text NOT NULL,
	"recipient" text NOT NULL,
	"token_hash" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answer_note" text,
	"answered_at" timestamp with time zone,
	CONSTRAINT "processor_notices_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "fulfilment_source_results" ADD COLUMN "awaits_source_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "fulfilment_source_results" ADD COLUMN "identities" jsonb;--> statement-breakpoint
ALTER TABLE "processor_notices" ADD CONSTRAINT "processor_notices_source_result_id_fulfilment_source_results_id_fk" FOREIGN KEY ("source_result_id") REFERENCES "public"."fulfilment_source_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processor_notices" ADD CONSTRAINT "processor_notices_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "processor_notices_by_result" ON "processor_notices" USING btree ("source_result_id","sent_at");--> statement-breakpoint
CREATE INDEX "processor_notices_by_request" ON "processor_notices" USING btree ("request_id");