import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { getReportCsv } from '@/lib/reports/get-report-csv';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { ZReportName } from '@/lib/validation/reports';

/** A report table as CSV (admins and auditors): 401 without a session, 403 for other roles, 404 for an unknown report. */
export async function GET(request: Request, { params }: { params: Promise<{ report: string }> }) {
  const report = ZReportName.safeParse((await params).report);
  const noStore = { 'Cache-Control': 'no-store' };
  try {
    const actor = await requireStaff();
    if (!report.success) return new Response('No such report.', { status: 404, headers: noStore });
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const { fileName, csv } = await getReportCsv(getDb(), { actor, report: report.data, query });
    return new Response(csv, {
      headers: { ...noStore, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}"` },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: error.httpStatus, headers: noStore });
    throw error;
  }
}
