-- Hand-written (issue #9): deadline policies (jurisdiction_policies.policy and the copy each request keeps in
-- requests.policy) change shape. clockStopAllowed (a yes/no) becomes clockStopKinds (which waits stop the
-- clock); the deadline gains bankHolidays (the UK calendar a rolled deadline skips); appeal is added (null:
-- no appeal, as before). A policy that stopped the clock stops it for identity and clarification, the two
-- kinds the product asked for before; "other" (our own service level) also for a fee.
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
UPDATE "requests"
SET "policy" = ("policy" - 'clockStopAllowed')
  || jsonb_build_object(
    'clockStopKinds', CASE WHEN ("policy"->>'clockStopAllowed')::boolean THEN '["identity","clarification"]'::jsonb ELSE '[]'::jsonb END,
    'appeal', COALESCE("policy"->'appeal', 'null'::jsonb),
    'deadline', ("policy"->'deadline') || jsonb_build_object('bankHolidays', CASE WHEN ("policy"->'deadline'->>'rollWeekendToNextWorkingDay')::boolean THEN '"england_and_wales"'::jsonb ELSE 'null'::jsonb END))
WHERE "policy" IS NOT NULL AND "policy" ? 'clockStopAllowed';
--> statement-breakpoint
-- The seed adds the US state regimes (Virginia … Utah) between California and Brazil; keep Brazil and
-- "Other / not sure" after them in the form's list.
UPDATE "jurisdiction_policies" SET "sort_order" = 9 WHERE "code" = 'br_lgpd';
--> statement-breakpoint
UPDATE "jurisdiction_policies" SET "sort_order" = 10 WHERE "code" = 'other';
