import { getDb } from '@/lib/database';
import { AppError, isAppError } from '@/lib/errors/app-error';
import { attachmentResponse } from '@/lib/fulfilment/attachment-response';
import { downloadRequesterAttachment } from '@/lib/fulfilment/download-requester-attachment';
import { problemResponse } from '@/lib/http/problem-response';
import { clientIpFrom } from '@/lib/security/client-ip';

/** A requester downloads a file of their answer; the status link in the path is the only credential. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string; fileId: string }> }) {
  const { token, fileId } = await params;
  try {
    const download = await downloadRequesterAttachment(getDb(), { token, fileId, ip: clientIpFrom(request.headers) });
    if (!download) throw new AppError('NOT_FOUND', 'Not found');
    return attachmentResponse(download);
  } catch (error) {
    if (isAppError(error)) return problemResponse(error, { as: 'text' });
    throw error;
  }
}
