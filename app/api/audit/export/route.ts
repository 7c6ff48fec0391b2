import { exportAuditLog } from '@/lib/audit/export-audit-log';
import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { problemResponse } from '@/lib/http/problem-response';
import { requireStaff } from '@/lib/staff/get-current-staff';

/**
 * Downloads the request log or the event log (auditors and admins; the use case
 * checks the role, validates the query and records the export). The body streams
 * as the rows are read, so the browser shows the bytes arriving.
 */
export async function GET(request: Request) {
  try {
    const actor = await requireStaff();
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const download = await exportAuditLog(getDb(), { actor, query });
    return new Response(download.body, {
      headers: {
        'Content-Type': download.contentType,
        'Content-Disposition': `attachment; filename="${download.fileName}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        // The row count of the snapshot being sent; the byte size is unknown until the end.
        'X-Row-Count': String(download.rowCount),
      },
    });
  } catch (error) {
    if (isAppError(error)) return problemResponse(error);
    throw error;
  }
}
