import { inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { requests } from '@/db/schema';
import { isOpen } from '@/lib/requests/request-status';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { isIdentityChecked } from './apply-bulk-action';

export type BulkRejectionPreview = {
  reference: string;
  requesterName: string | null;
  requesterEmail: string | null;
  /** Filed by staff with a recorded identity check: rejected only when confirmed separately. */
  isIdentityChecked: boolean;
  /** Already closed: the rejection will skip it. */
  isClosed: boolean;
};

/** What a bulk rejection would do and to whom, shown before the agent confirms it. */
export async function previewBulkRejection(
  db: Database,
  { actor, references }: { actor: StaffActor; references: string[] },
): Promise<BulkRejectionPreview[]> {
  assertCan(actor, 'requests.work');
  const rows = await db
    .select({
      reference: requests.reference,
      fullName: requests.fullName,
      email: requests.email,
      channel: requests.channel,
      identityCheck: requests.identityCheck,
      status: requests.status,
    })
    .from(requests)
    .where(inArray(requests.reference, [...new Set(references)]));
  return rows.map((row) => ({
    reference: row.reference ?? '',
    requesterName: row.fullName,
    requesterEmail: row.email,
    isIdentityChecked: isIdentityChecked(row),
    isClosed: !isOpen(row.status),
  }));
}
