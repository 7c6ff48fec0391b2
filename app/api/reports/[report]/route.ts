import { getDb } from '@/lib/database';
import { AppError, isAppError } from '@/lib/errors/app-error';
import { problemResponse } from '@/lib/http/problem-response';
import { getReportCsv } from '@/lib/reports/get-report-csv';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { ZReportName } from '@/lib/validation/reports';

/** A report table as CSV (admins and auditors): 401 without a session, 403 for other roles, 404 for an unknown report. */
export async function GET(request: Request, { params }: { params: Promise<{ report: string }> }) {
  const report = ZReportName.safeParse((await params).report);
  try {
    const actor = await requireStaff();
    if (!report.success) throw new AppError('NOT_FOUND', 'No such report.');
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const { fileName, csv } = await getReportCsv(getDb(), { actor, report: report.data, query });
    return new Response(csv, {
      headers: {
        'Cache-Control': 'no-store',
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
      },
    });
  } catch (error) {
    if (isAppError(error)) return problemResponse(error, { as: 'text' });
    throw error;
  }
}
