'use server';

import { revalidatePath } from 'next/cache';
import type { AuditChainVerification } from '@/lib/audit/verify-audit-chain';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { getDb } from '@/lib/database';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { ZVerifyAuditChain } from '@/lib/validation/verify-audit-chain';
import { type ActionState, runAction } from '../../action-state';

export type VerifyAuditChainState = ActionState & { result?: AuditChainVerification };

/**
 * Runs the whole verification inside the request, synchronously: fine for the chains a
 * privacy desk builds (tens of thousands of events verify in about a second). A chain in
 * the millions should run `npm run audit:verify` or, later, a background job.
 * The session is read here, never taken from the form; a non-auditor gets FORBIDDEN from
 * the use case, which runAction shows as a form error.
 */
export async function verifyAuditChainAction(_previous: VerifyAuditChainState, formData: FormData): Promise<VerifyAuditChainState> {
  let result: AuditChainVerification | undefined;
  const state = await runAction(ZVerifyAuditChain, formData, async () => {
    const actor = await requireStaff();
    result = await verifyAuditChain(getDb(), { actor });
    revalidatePath('/staff/audit/verify');
    return result.isIntact
      ? `The audit log is intact: ${result.checkedCount.toLocaleString('en-GB')} events checked.`
      : `The audit log is broken at event ${result.firstBreak!.eventId}.`;
  });
  return { ...state, result };
}
