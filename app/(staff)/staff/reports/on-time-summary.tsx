import { formatDays, formatPercent } from '@/lib/reports/format-figures';
import type { RequestReportSummary } from '@/lib/reports/get-request-report';

const count = (value: number) => value.toLocaleString('en');
const days = (value: number | null) => (value === null ? 'Nothing answered yet' : `${formatDays(value)} days`);

/** The headline figures. Compliance figures count answered requests only: withdrawn ones are listed, not judged. */
export function OnTimeSummary({ summary }: { summary: RequestReportSummary }) {
  return (
    <dl className="summary report-summary">
      <dt>Requests received</dt>
      <dd>
        {count(summary.received)} ({count(summary.open)} open, {count(summary.fulfilled)} fulfilled, {count(summary.rejected)} declined,{' '}
        {count(summary.cancelled)} withdrawn)
      </dd>
      <dt>Answered on time</dt>
      <dd>
        {summary.onTimeRate === null
          ? 'Nothing answered yet'
          : `${formatPercent(summary.onTimeRate)}% (${count(summary.answeredOnTime)} of ${count(summary.answered)})`}
      </dd>
      <dt>Mean days to close</dt>
      <dd>{days(summary.meanDaysToClose)}</dd>
      <dt>Median days to close</dt>
      <dd>{days(summary.medianDaysToClose)}</dd>
      <dt>90th percentile days to close</dt>
      <dd>{days(summary.p90DaysToClose)}</dd>
      <dt>Overdue now</dt>
      <dd>{count(summary.overdueNow)}</dd>
      <dt>Extensions used</dt>
      <dd>
        {count(summary.extensionsUsed)} (on {count(summary.extendedRequests)} {summary.extendedRequests === 1 ? 'request' : 'requests'})
      </dd>
    </dl>
  );
}
