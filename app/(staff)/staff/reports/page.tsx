import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { DateText } from '@/components/date-text';
import { getDb } from '@/lib/database';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import { getAnnualDisclosure } from '@/lib/reports/get-annual-disclosure';
import { getFiguresByTypeAndRegime } from '@/lib/reports/get-figures-by-type-and-regime';
import { getRequestReport } from '@/lib/reports/get-request-report';
import { resolveDisclosureYear, resolveReportRange } from '@/lib/reports/resolve-report-range';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { type ReportName, ZDisclosureYear, ZReportRange } from '@/lib/validation/reports';
import { AnnualDisclosureTable } from './annual-disclosure-table';
import { FilerTable } from './filer-table';
import { OnTimeSummary } from './on-time-summary';
import { RejectionsTable } from './rejections-table';
import { ReportRangeForm } from './report-range-form';
import { RequestsByMonth } from './requests-by-month';
import { TypeRegimeTable } from './type-regime-table';
import { TypeStatusTable } from './type-status-table';

export const metadata: Metadata = { title: 'Reports' };

type SearchParams = Record<string, string | string[] | undefined>;

const DISCLOSURE_YEARS_SHOWN = 5;

function csvHref(report: ReportName, query: Record<string, string | number>): string {
  return `/api/reports/${report}?${new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]))}`;
}

function DownloadLink({ report, query, children }: { report: ReportName; query: Record<string, string | number>; children: string }) {
  return (
    <p className="report-download">
      <a href={csvHref(report, query)} download>
        {children}
      </a>
    </p>
  );
}

/** On-time figures and the CCPA annual disclosure, for those who answer for compliance (admins and auditors). */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaffPage('reports.read');
  const query = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const today = toCalendarDate(new Date(), env().TIME_ZONE);

  const parsedRange = ZReportRange.safeParse(query);
  const range = resolveReportRange(parsedRange.success ? parsedRange.data : {}, today);
  const rangeErrors = parsedRange.success ? {} : z.flattenError(parsedRange.error).fieldErrors;
  const parsedYear = ZDisclosureYear.safeParse(query);
  const year = resolveDisclosureYear(parsedYear.success ? parsedYear.data.year : undefined, today);
  const currentYear = Number(today.slice(0, 4));
  const years = Array.from({ length: DISCLOSURE_YEARS_SHOWN }, (_, index) => currentYear - index);

  const db = getDb();
  const [report, disclosure, byTypeAndRegime] = await Promise.all([
    getRequestReport(db, { actor, range }),
    getAnnualDisclosure(db, { actor, year }),
    getFiguresByTypeAndRegime(db, { actor, range }),
  ]);
  const rangeQuery = { from: range.from, to: range.to };

  return (
    <div className="reports">
      <h1>Reports</h1>
      <p>
        Confirmed requests received from <DateText date={range.from} /> to <DateText date={range.to} />. Requests never confirmed by email
        are not counted; withdrawn requests are listed but left out of on-time and days-to-close figures.
      </p>
      <ReportRangeForm range={range} typed={{ from: query.from, to: query.to }} fieldErrors={rangeErrors} />

      {report.summary.received === 0 ? (
        <div className="empty-state" role="status">
          <h2>No requests in this range</h2>
          <p>No confirmed request was received between these dates. Choose a wider range.</p>
        </div>
      ) : null}

      <section aria-labelledby="on-time-heading" className="report-section">
        <h2 id="on-time-heading">On time</h2>
        <p className="muted">
          On time means closed on or before the due date, counting any extension. Days to close are calendar days from the day of receipt to
          the day of closing.
        </p>
        <OnTimeSummary summary={report.summary} />
        <FilerTable rows={report.byFiler} />
        <DownloadLink report="summary" query={rangeQuery}>
          Download these figures (CSV)
        </DownloadLink>
      </section>

      <section aria-labelledby="by-type-regime-heading" className="report-section">
        <h2 id="by-type-regime-heading">On time by regime and type</h2>
        <p className="muted">
          Each law runs its own clock (a California opt-out is due in 15 business days, a Virginia appeal in 60 days), so each regime and
          type is judged on its own; appeals have their own rows. The percentage is of fulfilled and declined requests.
        </p>
        <TypeRegimeTable rows={byTypeAndRegime} />
      </section>

      <section aria-labelledby="by-month-heading" className="report-section">
        <h2 id="by-month-heading">Requests by month</h2>
        <RequestsByMonth range={range} rows={report.byMonth} />
        <DownloadLink report="by-month" query={rangeQuery}>
          Download requests by month, type and status (CSV)
        </DownloadLink>
      </section>

      <section aria-labelledby="by-status-heading" className="report-section">
        <h2 id="by-status-heading">Requests by type and status</h2>
        <TypeStatusTable rows={report.byMonth} />
      </section>

      <section aria-labelledby="rejections-heading" className="report-section">
        <h2 id="rejections-heading">Declined requests by reason</h2>
        <RejectionsTable rows={report.rejectionsByBasis} />
        {report.rejectionsByBasis.length > 0 ? (
          <DownloadLink report="rejections" query={rangeQuery}>
            Download declined requests by reason (CSV)
          </DownloadLink>
        ) : null}
      </section>

      <section aria-labelledby="disclosure-heading" className="report-section">
        <h2 id="disclosure-heading">Annual disclosure {year}</h2>
        <p className="muted">
          The figures a business that handles many Californians’ personal information publishes each year by 1 July (CCPA Regulations
          §7102): export requests count as requests to know. A calendar year by day of receipt, whatever the date range above.
        </p>
        <nav aria-label="Disclosure year">
          <ul className="tabs">
            {years.map((candidate) => (
              <li key={candidate}>
                <Link
                  href={`/staff/reports?${new URLSearchParams({ ...rangeQuery, year: String(candidate) })}#disclosure-heading`}
                  aria-current={candidate === year ? 'page' : undefined}
                >
                  {candidate}
                  {candidate === currentYear ? ' (so far)' : ''}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {parsedYear.success ? null : (
          <p className="field__error" role="alert">
            {parsedYear.error.issues[0]!.message}: showing {year}.
          </p>
        )}
        <AnnualDisclosureTable disclosure={disclosure} />
        <DownloadLink report="annual-disclosure" query={{ year }}>
          {`Download the ${year} annual disclosure (CSV)`}
        </DownloadLink>
      </section>
    </div>
  );
}
