'use server';

import { z } from 'zod';
import { getDb } from '@/lib/database';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { ZReference, ZVersion } from '@/lib/validation/staff-actions';
import { ZOverrideVerification, ZRecordStaffCheck } from '@/lib/validation/verification-levels';
import { overrideVerification } from '@/lib/verification/override-verification';
import { recordStaffCheck } from '@/lib/verification/record-staff-check';
import { requestEvidence } from '@/lib/verification/request-evidence';
import { type ActionState, runAction } from '../../action-state';
import { afterSuccess } from './after-success';

const ZRequestEvidence = z.strictObject({ reference: ZReference, version: ZVersion });

export async function recordStaffCheckAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZRecordStaffCheck, formData, async (input) => {
    await recordStaffCheck(getDb(), { actor: await requireStaff(), input });
  });
  return afterSuccess(state, formData, 'identity_checked');
}

export async function overrideVerificationAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZOverrideVerification, formData, async (input) => {
    await overrideVerification(getDb(), { actor: await requireStaff(), input });
  });
  return afterSuccess(state, formData, 'identity_overridden');
}

export async function requestEvidenceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZRequestEvidence, formData, async ({ reference, version }) => {
    await requestEvidence(getDb(), { actor: await requireStaff(), reference, version });
  });
  return afterSuccess(state, formData, 'evidence_requested');
}
