'use server';

import { z } from 'zod';
import { checkUploadedExport } from '@/lib/audit/check-uploaded-export';
import type { ExportFileVerification } from '@/lib/audit/verify-export-file';
import { getDb } from '@/lib/database';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { type ActionState, runAction } from '../../action-state';

export type ExportCheckState = ActionState & { result?: ExportFileVerification & { fileName: string } };

/** The file is read from the form itself; runAction parses the (empty) rest. */
export async function checkExportAction(_previous: ExportCheckState, formData: FormData): Promise<ExportCheckState> {
  let result: ExportCheckState['result'];
  const state = await runAction(z.object({}), formData, async () => {
    const file = formData.get('file');
    result = await checkUploadedExport(getDb(), { actor: await requireStaff(), file: file instanceof File ? file : null });
    return result.isValid
      ? `VALID: ${result.rowCount.toLocaleString('en-GB')} rows match the signed manifest.`
      : `INVALID: ${result.fileName} does not match its signed manifest.`;
  });
  return { ...state, result };
}
