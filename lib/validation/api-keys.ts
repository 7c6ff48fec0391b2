import { z } from 'zod';
import { text } from './text';
import { apiScopes } from '@/lib/staff/permissions';
import { addIssuesTo, checkboxGroupFields, checkedValues } from './checkbox-group';

export const API_KEY_MAX_DAYS = 730;
export const apiKeyExpiryChoices = ['30', '90', '365', '730', 'never'] as const;

/** What an admin fills in to make a key: a name others will recognise in the audit trail, its scopes, and how long it lives. */
export const ZCreateApiKey = z.strictObject({
  name: text({ error: 'Name the key' }).trim().min(1, 'Name the key, e.g. “CRM integration”').max(100, 'Names are at most 100 characters'),
  scopes: z
    .array(z.enum(apiScopes))
    .min(1, 'Choose at least one scope')
    .transform((scopes) => [...new Set(scopes)]),
  /** Days from now; null never expires. */
  expiresInDays: z.number().int().min(1).max(API_KEY_MAX_DAYS).nullable(),
});
export type TCreateApiKey = z.infer<typeof ZCreateApiKey>;

/** The form's fields: a checkbox per scope (`scopes:requests:read=on`) and an expiry choice. */
export const ZCreateApiKeyForm = z
  .object({
    name: text().optional(),
    expiresIn: z.enum(apiKeyExpiryChoices, { error: 'Choose when the key expires' }),
    ...checkboxGroupFields('scopes', apiScopes),
  })
  .transform((form, context) => {
    const parsed = ZCreateApiKey.safeParse({
      name: form.name ?? '',
      scopes: checkedValues(form, 'scopes', apiScopes),
      expiresInDays: form.expiresIn === 'never' ? null : Number(form.expiresIn),
    });
    if (parsed.success) return parsed.data;
    addIssuesTo(context, parsed.error, 'name');
    return z.NEVER;
  });

export const ZRevokeApiKeyForm = z.strictObject({ id: z.uuid({ error: 'Unknown key' }) });
