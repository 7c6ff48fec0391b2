import Link from 'next/link';
import { ErrorSummary } from '@/components/error-summary';
import { InputField } from '@/components/form-field';
import type { ReportRange } from '@/lib/reports/resolve-report-range';

type Props = { range: ReportRange; typed: { from?: string; to?: string }; fieldErrors: Record<string, string[] | undefined> };

/** A plain GET form: the range lands in the URL, so a report can be bookmarked and shared and works without JavaScript. */
export function ReportRangeForm({ range, typed, fieldErrors }: Props) {
  const hasErrors = Object.values(fieldErrors).some((errors) => errors?.length);
  return (
    <form method="get" action="/staff/reports" className="filters report-range" aria-label="Date range">
      {hasErrors ? (
        <ErrorSummary
          message="Check the dates: showing the last 12 months instead"
          fieldErrors={fieldErrors}
          labels={{ from: 'Received from', to: 'Received to' }}
        />
      ) : null}
      <InputField id="from" label="Received from" errors={fieldErrors.from} type="date" defaultValue={typed.from || range.from} />
      <InputField id="to" label="Received to" errors={fieldErrors.to} type="date" defaultValue={typed.to || range.to} />
      <div className="filters__buttons">
        <button type="submit">Show figures</button> <Link href="/staff/reports">Last 12 months</Link>
      </div>
    </form>
  );
}
