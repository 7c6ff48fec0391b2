CREATE TYPE "public"."actor_type" AS ENUM('requester', 'staff', 'system');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."request_channel" AS ENUM('web', 'api', 'staff');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('unverified', 'new', 'in_progress', 'awaiting_requester', 'fulfilled', 'rejected', 'cancelled', 'expired');--> statement-breakpoint
CREATE TYPE "public"."request_type" AS ENUM('access', 'export', 'deletion');--> statement-breakpoint
CREATE TYPE "public"."token_purpose" AS ENUM('verification', 'status');--> statement-breakpoint
CREATE SEQUENCE "public"."request_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "jurisdiction_policies" (
	"code" text PRIMARY KEY NOT NULL,
	"policy" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text,
	"type" "request_type" NOT NULL,
	"status" "request_status" DEFAULT 'unverified' NOT NULL,
	"channel" "request_channel" NOT NULL,
	"jurisdiction" text NOT NULL,
	"email_hash" text NOT NULL,
	"email" text,
	"full_name" text,
	"account_identifier" text,
	"details" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_on" date NOT NULL,
	"unverified_expires_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"due_on" date,
	"acknowledgement_due_on" date,
	"policy" jsonb,
	"closed_at" timestamp with time zone,
	"purged_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requests_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "request_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"purpose" "token_purpose" NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "request_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" uuid NOT NULL,
	"actor_type" "actor_type" NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" "inet",
	"is_visible_to_requester" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbound_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid,
	"template" text NOT NULL,
	"recipient" text,
	"payload" jsonb,
	"status" "email_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"message_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "intake_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intake_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_jurisdiction_jurisdiction_policies_code_fk" FOREIGN KEY ("jurisdiction") REFERENCES "public"."jurisdiction_policies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_tokens" ADD CONSTRAINT "request_tokens_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD CONSTRAINT "outbound_emails_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "requests_open_per_email_and_type" ON "requests" USING btree ("email_hash","type") WHERE "requests"."status" in ('unverified', 'new', 'in_progress', 'awaiting_requester');--> statement-breakpoint
CREATE INDEX "requests_queue_by_due" ON "requests" USING btree ("status","due_on","id");--> statement-breakpoint
CREATE INDEX "requests_unverified_expiry" ON "requests" USING btree ("unverified_expires_at") WHERE "requests"."status" = 'unverified';--> statement-breakpoint
CREATE INDEX "request_tokens_by_request" ON "request_tokens" USING btree ("request_id","purpose");--> statement-breakpoint
CREATE INDEX "request_events_by_request" ON "request_events" USING btree ("request_id","id");--> statement-breakpoint
CREATE INDEX "outbound_emails_by_request" ON "outbound_emails" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "intake_attempts_by_key" ON "intake_attempts" USING btree ("key","created_at");