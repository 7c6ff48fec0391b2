import { spreadsheetSafeCsv } from '@/lib/csv/spreadsheet-safe-csv';
import type { Database } from '@/db/client';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { statusLabels } from '@/lib/requests/request-status';
import { assertCan, type StaffActor } from '@/lib/staff/staff-actor';
import { type ReportName, ZDisclosureYear, ZReportRange } from '@/lib/validation/reports';
import { rejectionBasisLabels } from '@/lib/validation/staff-actions';
import { formatDays, formatPercent } from './format-figures';
import { disclosureCategoryLabels, getAnnualDisclosure } from './get-annual-disclosure';
import { filerLabels } from './filer-labels';
import { getRequestReport } from './get-request-report';
import { resolveDisclosureYear, resolveReportRange } from './resolve-report-range';

export type GetReportCsvOptions = { actor: StaffActor; report: ReportName; query: Record<string, string | undefined>; now?: Date };

/**
 * One table of the reports page as CSV, from the same use cases and formatting
 * as the page, so a download never disagrees with what the auditor saw.
 */
export async function getReportCsv(
  db: Database,
  { actor, report, query, now = new Date() }: GetReportCsvOptions,
): Promise<{ fileName: string; csv: string }> {
  assertCan(actor, 'reports.read');
  const today = toCalendarDate(now, env().TIME_ZONE);

  if (report === 'annual-disclosure') {
    const parsed = ZDisclosureYear.safeParse(query);
    if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]!.message);
    const disclosure = await getAnnualDisclosure(db, { actor, year: resolveDisclosureYear(parsed.data.year, today) });
    const rows = disclosure.rows.map((row) => [
      disclosure.year,
      disclosureCategoryLabels[row.category],
      row.received,
      row.compliedInWholeOrPart,
      row.denied,
      row.withdrawn,
      row.stillOpen,
      formatDays(row.medianDaysToRespond),
      formatDays(row.meanDaysToRespond),
    ]);
    const header = [
      'year',
      'request kind',
      'received',
      'complied with in whole or in part',
      'denied',
      'withdrawn',
      'still open',
      'median days to respond',
      'mean days to respond',
    ];
    return { fileName: `annual-disclosure-${disclosure.year}.csv`, csv: toCsv(header, rows) };
  }

  const parsed = ZReportRange.safeParse(query);
  if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]!.message);
  const range = resolveReportRange(parsed.data, today);
  const { summary, byMonth, rejectionsByBasis, byFiler } = await getRequestReport(db, { actor, range, now });
  const fileName = `${report}-${range.from}-to-${range.to}.csv`;

  switch (report) {
    case 'summary':
      return {
        fileName,
        csv: toCsv(
          ['figure', 'value'],
          [
            ['received from', range.from],
            ['received to', range.to],
            ['requests received', summary.received],
            ['still open', summary.open],
            ['fulfilled', summary.fulfilled],
            ['declined', summary.rejected],
            ['withdrawn', summary.cancelled],
            ['answered (fulfilled or declined)', summary.answered],
            ['answered on time', summary.answeredOnTime],
            ['on-time rate (%)', formatPercent(summary.onTimeRate)],
            ['mean days to close', formatDays(summary.meanDaysToClose)],
            ['median days to close', formatDays(summary.medianDaysToClose)],
            ['90th percentile days to close', formatDays(summary.p90DaysToClose)],
            ['overdue now', summary.overdueNow],
            ['requests extended', summary.extendedRequests],
            ['extensions used', summary.extensionsUsed],
            ...byFiler.flatMap((row) => [
              [`requests received ${filerLabels[row.filer]}`, row.received],
              [`answered ${filerLabels[row.filer]}`, row.answered],
              [`answered on time ${filerLabels[row.filer]}`, row.answeredOnTime],
              [`on-time rate ${filerLabels[row.filer]} (%)`, formatPercent(row.onTimeRate)],
            ]),
          ],
        ),
      };
    case 'by-month':
      return {
        fileName,
        csv: toCsv(
          ['month', 'type', 'status', 'requests'],
          byMonth.map((row) => [row.month, row.type, statusLabels[row.status], row.count]),
        ),
      };
    case 'rejections':
      return {
        fileName,
        csv: toCsv(
          ['basis', 'reason', 'requests'],
          rejectionsByBasis.map((row) => [row.basis, rejectionBasisLabels[row.basis], row.count]),
        ),
      };
  }
}

function toCsv(header: string[], rows: (string | number)[][]): string {
  return spreadsheetSafeCsv([header, ...rows]);
}
