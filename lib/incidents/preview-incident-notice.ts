import type { DatabaseOrTransaction } from '@/db/client';
import type { IncidentRow } from '@/db/schema';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { noticePartLabels } from '@/lib/validation/incident-notice';

/**
 * The saved notice as its email reads in plain text (the parts of emails/incident-notice.tsx, in its
 * order and headings), or null before one is saved. Composed here rather than through emails/render-email:
 * the email renderer uses React context, which a server component page may not import.
 */
export async function previewIncidentNotice(
  db: DatabaseOrTransaction,
  { actor, incident }: { actor: StaffActor; incident: Pick<IncidentRow, 'reference' | 'notice'> },
): Promise<{ subject: string; text: string } | null> {
  assertCan(actor, 'incidents.read');
  if (!incident.notice) return null;
  const { organisationName } = await getOrganisationSettings(db);
  const { subject, ...parts } = incident.notice;
  const sections = (Object.keys(noticePartLabels) as (keyof typeof noticePartLabels)[]).map(
    (part) => `${noticePartLabels[part].toUpperCase()}\n\n${parts[part]}`,
  );
  return {
    subject,
    text: [
      'A personal data breach that affects you',
      `We are writing to tell you about a security incident at ${organisationName} that involved personal data about you.`,
      ...sections,
      `You are receiving this because ${organisationName} holds data about you that was involved in incident ${incident.reference}.`,
    ].join('\n\n'),
  };
}
