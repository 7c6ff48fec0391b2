DROP INDEX "requests_report_by_received_on";--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "is_filed_by_agent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "identity_evidence" ADD COLUMN "kind" text DEFAULT 'identity_document' NOT NULL;--> statement-breakpoint
-- Requests filed by an agent before the flag existed: those still holding the agent's details, and minimised or purged ones whose intake event says so.
UPDATE "requests" SET "is_filed_by_agent" = true WHERE "agent_email" IS NOT NULL OR "agent_name" IS NOT NULL OR "id" IN (SELECT "request_id" FROM "request_events" WHERE "action" IN ('submitted', 'filed_on_behalf') AND "details"->>'viaAgent' = 'true');--> statement-breakpoint
CREATE INDEX "requests_report_by_received_on" ON "requests" USING btree ("received_on","status","type","due_on","closed_at","extension_count","rejection_basis","is_filed_by_agent");--> statement-breakpoint
ALTER TABLE "requests" DROP COLUMN "agent_permission_storage_key";--> statement-breakpoint
ALTER TABLE "requests" DROP COLUMN "agent_permission_file_name";