CREATE TYPE "public"."deadline_reminder_kind" AS ENUM('due_in_7_days', 'due_in_2_days', 'overdue');--> statement-breakpoint
CREATE TYPE "public"."rejection_basis" AS ENUM('identity_not_verified', 'manifestly_unfounded_or_excessive', 'legal_exemption', 'no_data_held', 'duplicate', 'spam');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('admin', 'agent', 'auditor');--> statement-breakpoint
CREATE TABLE "staff_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"role" "staff_role" NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"email_verified_at" timestamp with time zone,
	"invited_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deactivated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "staff_sessions" (
	"session_token_hash" text PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_sign_in_tokens" (
	"identifier" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "staff_sign_in_tokens_identifier_token_hash_pk" PRIMARY KEY("identifier","token_hash")
);
--> statement-breakpoint
CREATE TABLE "request_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"staff_id" uuid,
	"is_from_requester" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by_id" uuid,
	"download_count" integer DEFAULT 0 NOT NULL,
	"max_downloads" integer DEFAULT 10 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_attachments_storageKey_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "deadline_reminders" (
	"request_id" uuid NOT NULL,
	"kind" "deadline_reminder_kind" NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_reminders_request_id_kind_pk" PRIMARY KEY("request_id","kind")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "request_events" ALTER COLUMN "request_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "original_due_on" date;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "extension_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "extension_reason" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "paused_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "clock_stopped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "assignee_id" uuid;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "intake_channel_detail" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "identity_check" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "rejection_basis" "rejection_basis";--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "response_message" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_staff_id_staff_members_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_notes" ADD CONSTRAINT "request_notes_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_notes" ADD CONSTRAINT "request_notes_staff_id_staff_members_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_attachments" ADD CONSTRAINT "request_attachments_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_attachments" ADD CONSTRAINT "request_attachments_uploaded_by_id_staff_members_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_reminders" ADD CONSTRAINT "deadline_reminders_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_members_email_unique" ON "staff_members" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "staff_sessions_by_staff" ON "staff_sessions" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "request_notes_by_request" ON "request_notes" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "request_attachments_by_request" ON "request_attachments" USING btree ("request_id");--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_assignee_id_staff_members_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "requests_open_by_due" ON "requests" USING btree ("due_on","id") WHERE "requests"."status" in ('new', 'in_progress', 'awaiting_requester');--> statement-breakpoint
CREATE INDEX "requests_open_by_assignee_due" ON "requests" USING btree ("assignee_id","due_on","id") WHERE "requests"."status" in ('new', 'in_progress', 'awaiting_requester');--> statement-breakpoint
CREATE INDEX "requests_unassigned_by_due" ON "requests" USING btree ("due_on","id") WHERE "requests"."assignee_id" is null and "requests"."status" in ('new', 'in_progress');--> statement-breakpoint
CREATE INDEX "requests_by_email_hash" ON "requests" USING btree ("email_hash");--> statement-breakpoint
CREATE INDEX "requests_by_received_at" ON "requests" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "request_events_by_created_at" ON "request_events" USING btree ("created_at");