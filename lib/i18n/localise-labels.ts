import type { Translator } from './translator';
import { defaultPolicies } from '@/lib/deadlines/default-policies';
import { requestTypeLabel } from '@/lib/requests/request-type-label';
import { rejectionBases, rejectionBasisLabels } from '@/lib/validation/staff-actions';
import { requestTypes } from '@/lib/validation/request-type';

type T = Translator;

const jurisdictionCodeByLabel = new Map(Object.entries(defaultPolicies).map(([code, policy]) => [policy.label, code]));

/**
 * A region's name in the requester's language. Regions carry their English name (admins may rename one in the
 * settings); a default name is translated, a renamed one keeps the admin's words in every language.
 */
export function localiseJurisdictionLabel(t: T, label: string): string {
  const code = jurisdictionCodeByLabel.get(label);
  return code && t.has(`jurisdictions.${code}`) ? t(`jurisdictions.${code}`) : label;
}

const requestTypeByLabel = new Map(requestTypes.map((type) => [requestTypeLabel(type), type]));
const rejectionBasisByLabel = new Map(rejectionBases.map((basis) => [rejectionBasisLabels[basis], basis]));

/**
 * Outbox payloads and some views keep the English labels they were made with (readable in the outbox, and rows
 * already queued still render); the email or page is written in the requester's language by looking the label up here.
 * A label that is not one of ours (an admin's text) is kept as it is.
 */
export function localiseLabel(t: T, label: string): string {
  const type = requestTypeByLabel.get(label);
  if (type) return `${t(`requestTypes.${type}.title`)} — ${t(`requestTypes.${type}.description`)}`;
  const basis = rejectionBasisByLabel.get(label);
  if (basis) return t(`rejectionBases.${basis}`);
  return localiseJurisdictionLabel(t, label);
}
