'use server';

import { z } from 'zod';
import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { type ActionState, formValues } from '@/lib/http/run-action';
import { updateVerificationLevels } from '@/lib/settings/update-verification-levels';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { verificationLevelsFormInput, ZVerificationLevelsForm } from '@/lib/validation/verification-levels';

/** An admin saves one regime's identity levels: the flat form fields are reshaped, then parsed by the one schema. */
export async function updateVerificationLevelsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = ZVerificationLevelsForm.safeParse(verificationLevelsFormInput(values));
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    return { formError: `Please correct the problems below: ${Object.values(flat).flat().join('; ')}`, fieldErrors: flat, values };
  }
  try {
    await updateVerificationLevels(getDb(), {
      actor: await requireStaff(),
      jurisdiction: parsed.data.jurisdiction,
      maxTries: parsed.data.maxTries,
      evidenceRetentionDays: parsed.data.evidenceRetentionDays,
      levels: parsed.data.levels,
    });
  } catch (error) {
    if (isAppError(error)) return { formError: error.message, values };
    throw error;
  }
  return { notice: 'Identity levels saved. They apply to requests confirmed from now on.' };
}
