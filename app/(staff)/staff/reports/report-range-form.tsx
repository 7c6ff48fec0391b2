import Link from 'next/link';
import { ErrorSummary } from '@/components/error-summary';
import { FormField } from '@/components/form-field';
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
      <FormField id="from" label="Received from" errors={fieldErrors.from}>
        {(describedBy, isInvalid) => (
          <input
            type="date"
            id="from"
            name="from"
            defaultValue={typed.from || range.from}
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
          />
        )}
      </FormField>
      <FormField id="to" label="Received to" errors={fieldErrors.to}>
        {(describedBy, isInvalid) => (
          <input
            type="date"
            id="to"
            name="to"
            defaultValue={typed.to || range.to}
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
          />
        )}
      </FormField>
      <div className="filters__buttons">
        <button type="submit">Show figures</button> <Link href="/staff/reports">Last 12 months</Link>
      </div>
    </form>
  );
}
