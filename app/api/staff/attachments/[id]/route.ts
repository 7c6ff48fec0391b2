import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { problemResponse } from '@/lib/http/problem-response';
import { attachmentResponse } from '@/lib/fulfilment/attachment-response';
import { downloadStaffAttachment } from '@/lib/fulfilment/download-staff-attachment';
import { requireStaff } from '@/lib/staff/get-current-staff';

/** Staff (any role that reads requests) download a file sent to a requester; the use case checks and audits. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    return attachmentResponse(await downloadStaffAttachment(getDb(), { actor: await requireStaff(), id }));
  } catch (error) {
    if (isAppError(error)) return problemResponse(error, { as: 'text' });
    throw error;
  }
}
