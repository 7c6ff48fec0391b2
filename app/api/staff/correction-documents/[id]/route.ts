import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { decryptedFileResponse } from '@/lib/http/decrypted-file-response';
import { problemResponse } from '@/lib/http/problem-response';
import { downloadCorrectionAttachment } from '@/lib/requests/download-correction-attachment';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { isUuid } from '@/lib/validation/is-uuid';

/** A document sent with a correction, decrypted for the assigned agent or an admin; the use case checks and audits. Never cached. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    if (!isUuid(id)) return new Response('Not found', { status: 404 });
    return decryptedFileResponse(await downloadCorrectionAttachment(getDb(), { actor: await requireStaff(), attachmentId: id }));
  } catch (error) {
    if (isAppError(error)) return problemResponse(error, { as: 'text' });
    throw error;
  }
}
