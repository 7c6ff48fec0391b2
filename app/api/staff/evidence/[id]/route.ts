import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { decryptedFileResponse } from '@/lib/http/decrypted-file-response';
import { problemResponse } from '@/lib/http/problem-response';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { isUuid } from '@/lib/validation/is-uuid';
import { downloadEvidence } from '@/lib/verification/download-evidence';

/** An identity document, decrypted for the assigned agent or an admin; the use case checks and audits. Never cached. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    if (!isUuid(id)) return new Response('Not found', { status: 404 });
    return decryptedFileResponse(await downloadEvidence(getDb(), { actor: await requireStaff(), evidenceId: id }));
  } catch (error) {
    if (isAppError(error)) return problemResponse(error, { as: 'text' });
    throw error;
  }
}
