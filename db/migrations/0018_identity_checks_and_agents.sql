ALTER TYPE "public"."token_purpose" ADD VALUE 'agent_status';--> statement-breakpoint
CREATE TABLE "identity_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delete_after" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "identity_evidence_storageKey_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "verification_required" jsonb;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "verification_reached" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "verification_data_points_matched" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "verification_failed_tries" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "verification_locked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "verification_failure_reason" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "declaration_name" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "declaration_text" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "declaration_signed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "identity_evidence_seen" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "identity_checked_by_id" uuid;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "evidence_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "verification_override_reason" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "verification_overridden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "verification_overridden_by_id" uuid;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "agent_name" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "agent_email" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "agent_organisation" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "agent_has_power_of_attorney" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "agent_permission_storage_key" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "agent_permission_file_name" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "consumer_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "identity_evidence" ADD CONSTRAINT "identity_evidence_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identity_evidence_by_request" ON "identity_evidence" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "identity_evidence_due" ON "identity_evidence" USING btree ("delete_after");--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_identity_checked_by_id_staff_members_id_fk" FOREIGN KEY ("identity_checked_by_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_verification_overridden_by_id_staff_members_id_fk" FOREIGN KEY ("verification_overridden_by_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Requests confirmed before levels existed reached the level of how they were confirmed: the email link, or a person at the desk.
UPDATE "requests" SET "verification_reached" = CASE WHEN "channel" = 'web' THEN 'email' ELSE 'staff_check' END WHERE "verified_at" IS NOT NULL;
