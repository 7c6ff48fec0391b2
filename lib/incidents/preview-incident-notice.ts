import type { DatabaseOrTransaction } from '@/db/client';
import type { IncidentRow } from '@/db/schema';
import { renderEmail } from '@/emails/render-email';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';

/** The saved notice as each person will receive it (the same template and settings the outbox uses), or null before one is saved. */
export async function previewIncidentNotice(
  db: DatabaseOrTransaction,
  { actor, incident }: { actor: StaffActor; incident: Pick<IncidentRow, 'reference' | 'notice'> },
) {
  assertCan(actor, 'incidents.read');
  if (!incident.notice) return null;
  const { organisationName, contactEmail, privacyNoticeUrl } = await getOrganisationSettings(db);
  return renderEmail(
    { template: 'incident-notice', version: 1, props: { organisationName, reference: incident.reference, ...incident.notice } },
    { contactEmail, privacyNoticeUrl },
  );
}
