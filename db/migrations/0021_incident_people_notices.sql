CREATE TABLE "incident_lookups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"filter" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"people_found" integer DEFAULT 0 NOT NULL,
	"people_added" integer DEFAULT 0 NOT NULL,
	"error" text,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "incident_affected_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"lookup_id" uuid NOT NULL,
	"email_hash" text NOT NULL,
	"email_ciphertext" text NOT NULL,
	"outbound_email_id" uuid,
	"notice_queued_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_affected_people_once" UNIQUE("incident_id","email_hash")
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "notice" jsonb;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "notice_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "notice_sent_by" uuid;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "affected_list_deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "incident_lookups" ADD CONSTRAINT "incident_lookups_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_lookups" ADD CONSTRAINT "incident_lookups_source_id_data_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."data_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_lookups" ADD CONSTRAINT "incident_lookups_requested_by_staff_members_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_affected_people" ADD CONSTRAINT "incident_affected_people_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_affected_people" ADD CONSTRAINT "incident_affected_people_lookup_id_incident_lookups_id_fk" FOREIGN KEY ("lookup_id") REFERENCES "public"."incident_lookups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_affected_people" ADD CONSTRAINT "incident_affected_people_outbound_email_id_outbound_emails_id_fk" FOREIGN KEY ("outbound_email_id") REFERENCES "public"."outbound_emails"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_lookups_by_incident" ON "incident_lookups" USING btree ("incident_id","created_at");--> statement-breakpoint
CREATE INDEX "incident_affected_people_by_email_hash" ON "incident_affected_people" USING btree ("email_hash");--> statement-breakpoint
CREATE INDEX "incident_affected_people_by_outbound_email" ON "incident_affected_people" USING btree ("outbound_email_id");--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_notice_sent_by_staff_members_id_fk" FOREIGN KEY ("notice_sent_by") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;