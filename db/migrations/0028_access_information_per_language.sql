-- A regime's Art. 15 access information is now written per language (issue #18), stored like the organisation's
-- own per-language texts: one flat key per language and field ("en.purposes", "de.purposes"). What was written
-- before is the English text. Rows already per language (every key has a language prefix) are left as they are.
UPDATE "settings"
SET "value" = (SELECT coalesce(jsonb_object_agg('en.' || "field"."key", "field"."value"), '{}'::jsonb) FROM jsonb_each("settings"."value") AS "field"),
  "updated_at" = now()
WHERE "key" LIKE 'access-information:%'
  AND jsonb_typeof("value") = 'object'
  AND NOT EXISTS (SELECT 1 FROM jsonb_object_keys("settings"."value") AS "name" WHERE "name" LIKE '%.%');
