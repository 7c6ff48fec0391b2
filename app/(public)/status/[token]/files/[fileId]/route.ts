import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { attachmentResponse } from '@/lib/fulfilment/attachment-response';
import { downloadRequesterAttachment } from '@/lib/fulfilment/download-requester-attachment';
import { clientIpFrom } from '@/lib/security/client-ip';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });

/** A requester downloads a file of their answer; the status link in the path is the only credential. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string; fileId: string }> }) {
  const { token, fileId } = await params;
  try {
    const download = await downloadRequesterAttachment(getDb(), { token, fileId, ip: clientIpFrom(request.headers) });
    return download ? attachmentResponse(download) : notFound();
  } catch (error) {
    if (isAppError(error, 'NOT_FOUND')) return notFound();
    throw error;
  }
}
