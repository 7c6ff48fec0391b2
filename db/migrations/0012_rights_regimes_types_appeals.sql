ALTER TYPE "public"."request_type" ADD VALUE 'correction';--> statement-breakpoint
ALTER TYPE "public"."request_type" ADD VALUE 'opt_out_sale';--> statement-breakpoint
ALTER TYPE "public"."request_type" ADD VALUE 'opt_out_targeted_ads';--> statement-breakpoint
ALTER TYPE "public"."request_type" ADD VALUE 'limit_sensitive';--> statement-breakpoint
ALTER TYPE "public"."request_type" ADD VALUE 'marketing_unsubscribe';--> statement-breakpoint
ALTER TYPE "public"."request_type" ADD VALUE 'restriction';--> statement-breakpoint
ALTER TYPE "public"."request_type" ADD VALUE 'objection';--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "gpc_signal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "appeal_of_id" uuid;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_appeal_of_id_requests_id_fk" FOREIGN KEY ("appeal_of_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "requests_one_appeal_per_request" ON "requests" USING btree ("appeal_of_id") WHERE "requests"."appeal_of_id" is not null;--> statement-breakpoint
-- Hand-written from here (issue #9). The new request_type values above are not used below: PostgreSQL
-- refuses a value added by ALTER TYPE … ADD VALUE until its transaction commits, and drizzle's migrator
-- runs all pending migrations in one transaction. The request types below are jsonb strings, not the enum.
--
-- Deadline policies (jurisdiction_policies.policy and the copy each request keeps in
-- requests.policy) change shape. clockStopAllowed (a yes/no) becomes clockStopKinds (which waits stop the
-- clock); the deadline gains bankHolidays (the UK calendar a rolled deadline skips); appeal is added (null:
-- no appeal, as before). A policy that stopped the clock stops it for identity and clarification, the two
-- kinds the product asked for before; "other" (our own service level) also for a fee. requestTypes (the
-- rights a regime gives) and byRequestType (a type's own clock) are added as lib/deadlines/default-policies.ts
-- sets them; a request's stored copy gets its own type only (it was accepted under it).
UPDATE "jurisdiction_policies"
SET "policy" = ("policy" - 'clockStopAllowed')
  || jsonb_build_object(
    'clockStopKinds', CASE
      WHEN ("policy"->>'clockStopAllowed')::boolean AND "code" = 'other' THEN '["identity","clarification","fee"]'::jsonb
      WHEN ("policy"->>'clockStopAllowed')::boolean THEN '["identity","clarification"]'::jsonb
      ELSE '[]'::jsonb END,
    'appeal', COALESCE("policy"->'appeal', 'null'::jsonb),
    'deadline', ("policy"->'deadline') || jsonb_build_object('bankHolidays', CASE WHEN ("policy"->'deadline'->>'rollWeekendToNextWorkingDay')::boolean THEN '"england_and_wales"'::jsonb ELSE 'null'::jsonb END))
WHERE "policy" ? 'clockStopAllowed';
--> statement-breakpoint
UPDATE "jurisdiction_policies"
SET "policy" = "policy" || jsonb_build_object(
    'requestTypes', CASE "code"
      WHEN 'eu_gdpr' THEN '["access","export","deletion","correction","restriction","objection","marketing_unsubscribe"]'::jsonb
      WHEN 'uk_gdpr' THEN '["access","export","deletion","correction","restriction","objection","marketing_unsubscribe"]'::jsonb
      WHEN 'us_ca_ccpa' THEN '["access","export","deletion","correction","opt_out_sale","limit_sensitive","marketing_unsubscribe"]'::jsonb
      WHEN 'br_lgpd' THEN '["access","export","deletion","correction","objection","marketing_unsubscribe"]'::jsonb
      ELSE '["access","export","deletion","correction","opt_out_sale","opt_out_targeted_ads","limit_sensitive","marketing_unsubscribe","restriction","objection"]'::jsonb END,
    'byRequestType', CASE "code"
      WHEN 'us_ca_ccpa' THEN '{"opt_out_sale":{"deadline":{"unit":"business_days","amount":15},"extension":null,"acknowledgementBusinessDays":null},"limit_sensitive":{"deadline":{"unit":"business_days","amount":15},"extension":null,"acknowledgementBusinessDays":null},"marketing_unsubscribe":{"deadline":{"unit":"business_days","amount":15},"extension":null,"acknowledgementBusinessDays":null}}'::jsonb
      ELSE '{}'::jsonb END)
WHERE NOT "policy" ? 'requestTypes';
--> statement-breakpoint
UPDATE "requests"
SET "policy" = ("policy" - 'clockStopAllowed')
  || jsonb_build_object(
    'clockStopKinds', CASE WHEN ("policy"->>'clockStopAllowed')::boolean THEN '["identity","clarification"]'::jsonb ELSE '[]'::jsonb END,
    'appeal', COALESCE("policy"->'appeal', 'null'::jsonb),
    'deadline', ("policy"->'deadline') || jsonb_build_object('bankHolidays', CASE WHEN ("policy"->'deadline'->>'rollWeekendToNextWorkingDay')::boolean THEN '"england_and_wales"'::jsonb ELSE 'null'::jsonb END))
WHERE "policy" IS NOT NULL AND "policy" ? 'clockStopAllowed';
--> statement-breakpoint
UPDATE "requests"
SET "policy" = "policy" || jsonb_build_object('requestTypes', jsonb_build_array("type"::text), 'byRequestType', '{}'::jsonb)
WHERE "policy" IS NOT NULL AND NOT "policy" ? 'requestTypes';
--> statement-breakpoint
-- The seed adds the US state regimes (Virginia … Utah) between California and Brazil; keep Brazil and
-- "Other / not sure" after them in the form's list.
UPDATE "jurisdiction_policies" SET "sort_order" = 9 WHERE "code" = 'br_lgpd';
--> statement-breakpoint
UPDATE "jurisdiction_policies" SET "sort_order" = 10 WHERE "code" = 'other';
