import type { Database } from '@/db/client';
import { findDataSourceBySlug } from '@/db/queries/data-sources';
import { AppError } from '@/lib/errors/app-error';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { generateSigningSecret } from './generate-signing-secret';
import { assertSameVersion, updateDataSourceRow } from './save-data-source';

export type RotateSigningSecretOptions = { actor: StaffActor; slug: string; version: number; now?: Date };

/**
 * A new signing secret for a webhook source, returned once for the admin to copy
 * into the other system. The old one stops working at once: jobs sent and callbacks
 * checked from now on use the new one.
 */
export async function rotateSigningSecret(
  db: Database,
  { actor, slug, version, now = new Date() }: RotateSigningSecretOptions,
): Promise<{ signingSecret: string }> {
  assertCan(actor, 'sources.manage');
  const signingSecret = generateSigningSecret();
  await db.transaction(async (tx) => {
    const row = await findDataSourceBySlug(tx, { slug, forUpdate: true });
    if (!row) throw new AppError('NOT_FOUND', 'No such data source.');
    assertSameVersion(row, version);
    if (row.kind !== 'webhook') throw new AppError('VALIDATION', 'Only webhook sources have a signing secret.');
    await updateDataSourceRow(tx, { row, changes: { secret: signingSecret }, actor: { type: 'staff', staffId: actor.staffId }, now });
  });
  return { signingSecret };
}
