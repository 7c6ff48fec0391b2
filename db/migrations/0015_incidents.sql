CREATE SEQUENCE "public"."incident_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"started_at" timestamp with time zone,
	"discovered_at" timestamp with time zone NOT NULL,
	"regimes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"likely_consequences" text DEFAULT '' NOT NULL,
	"measures_taken" text DEFAULT '' NOT NULL,
	"regulator_decision" text,
	"regulator_notified_at" timestamp with time zone,
	"regulator_method" text,
	"regulator_reference" text,
	"not_required_reason" text,
	"decided_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"opened_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "incidents_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "incident_reminders" (
	"incident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_reminders_incident_id_kind_pk" PRIMARY KEY("incident_id","kind")
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_opened_by_staff_members_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_reminders" ADD CONSTRAINT "incident_reminders_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_by_discovered_at" ON "incidents" USING btree ("discovered_at","id");--> statement-breakpoint
CREATE INDEX "incidents_awaiting_decision" ON "incidents" USING btree ("discovered_at") WHERE "incidents"."regulator_decision" is null and "incidents"."closed_at" is null;--> statement-breakpoint
-- Hand-written: an incident page reads its own events out of the shared audit log; the partial index keeps that to the few rows about incidents.
CREATE INDEX "request_events_by_incident" ON "request_events" USING btree (("details"->>'incidentId'), "id") WHERE "request_id" IS NULL AND "details" ? 'incidentId';
