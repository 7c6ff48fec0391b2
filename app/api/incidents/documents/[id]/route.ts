import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { attachmentResponse } from '@/lib/fulfilment/attachment-response';
import { problemResponse } from '@/lib/http/problem-response';
import { downloadIncidentDocument } from '@/lib/incidents/download-incident-document';
import { requireStaff } from '@/lib/staff/get-current-staff';

/** A document kept with an incident (the copy sent to the regulator); the use case checks the role and audits. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    return attachmentResponse(await downloadIncidentDocument(getDb(), { actor: await requireStaff(), id }));
  } catch (error) {
    if (isAppError(error)) return problemResponse(error, { as: 'text' });
    throw error;
  }
}
