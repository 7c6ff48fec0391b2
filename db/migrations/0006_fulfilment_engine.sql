CREATE TYPE "public"."data_source_kind" AS ENUM('postgres', 'webhook', 'manual');--> statement-breakpoint
CREATE TYPE "public"."fulfilment_run_kind" AS ENUM('gather', 'dry_run', 'erase');--> statement-breakpoint
CREATE TYPE "public"."fulfilment_run_status" AS ENUM('running', 'succeeded', 'failed', 'released');--> statement-breakpoint
CREATE TYPE "public"."source_result_status" AS ENUM('pending', 'running', 'awaiting_callback', 'awaiting_confirmation', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "data_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "data_source_kind" NOT NULL,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"used_for_access" boolean DEFAULT true NOT NULL,
	"used_for_erasure" boolean DEFAULT true NOT NULL,
	"config" jsonb NOT NULL,
	"secret_ciphertext" text,
	"secret_updated_at" timestamp with time zone,
	"seeded_from" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_sources_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "fulfilment_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" "fulfilment_run_kind" NOT NULL,
	"status" "fulfilment_run_status" DEFAULT 'running' NOT NULL,
	"started_by_id" uuid,
	"package_storage_key" text,
	"package_size_bytes" bigint,
	"package_sha256" text,
	"package_deleted_at" timestamp with time zone,
	"attachment_id" uuid,
	"released_at" timestamp with time zone,
	"released_by_id" uuid,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "fulfilment_runs_packageStorageKey_unique" UNIQUE("package_storage_key")
);
--> statement-breakpoint
CREATE TABLE "fulfilment_source_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"source_name" text NOT NULL,
	"source_kind" "data_source_kind" NOT NULL,
	"status" "source_result_status" DEFAULT 'pending' NOT NULL,
	"row_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"callback_job_id" text,
	"staged_storage_key" text,
	"confirmed_by_id" uuid,
	"note" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fulfilment_source_results_callbackJobId_unique" UNIQUE("callback_job_id")
);
--> statement-breakpoint
ALTER TABLE "fulfilment_runs" ADD CONSTRAINT "fulfilment_runs_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfilment_runs" ADD CONSTRAINT "fulfilment_runs_started_by_id_staff_members_id_fk" FOREIGN KEY ("started_by_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfilment_runs" ADD CONSTRAINT "fulfilment_runs_attachment_id_request_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."request_attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfilment_runs" ADD CONSTRAINT "fulfilment_runs_released_by_id_staff_members_id_fk" FOREIGN KEY ("released_by_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfilment_source_results" ADD CONSTRAINT "fulfilment_source_results_run_id_fulfilment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."fulfilment_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfilment_source_results" ADD CONSTRAINT "fulfilment_source_results_source_id_data_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."data_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfilment_source_results" ADD CONSTRAINT "fulfilment_source_results_confirmed_by_id_staff_members_id_fk" FOREIGN KEY ("confirmed_by_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fulfilment_runs_by_request" ON "fulfilment_runs" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fulfilment_source_results_by_run_source" ON "fulfilment_source_results" USING btree ("run_id","source_id");--> statement-breakpoint
CREATE INDEX "fulfilment_source_results_by_source" ON "fulfilment_source_results" USING btree ("source_id");