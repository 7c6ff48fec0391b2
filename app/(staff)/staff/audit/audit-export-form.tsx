import { FormField, InputField } from '@/components/form-field';
import { statusLabels } from '@/lib/requests/request-status';
import { auditExportStatuses } from '@/lib/validation/audit-export';
import { requestTypeLabels, requestTypes } from '@/lib/validation/request-type';
import { RadioFieldset } from '@/components/radio-fieldset';

type AuditExportFormProps = { values: Record<string, string | undefined>; fieldErrors: Record<string, string[] | undefined> };

/** A plain GET form back to /staff/audit: the choice lands in the URL, works without JavaScript, and the page checks it before offering the download. */
export function AuditExportForm({ values, fieldErrors }: AuditExportFormProps) {
  return (
    <form method="get" action="/staff/audit" noValidate>
      <RadioFieldset
        name="log"
        legend="Log"
        checked={values.log ?? 'requests'}
        errors={fieldErrors.log}
        options={[
          {
            value: 'requests',
            label: 'Request log — one row per request: dates, channel, deadline, response and timeliness (CCPA §7101 records)',
          },
          { value: 'events', label: 'Event log — one row per audit event, with its hash chain' },
          {
            value: 'incidents',
            label: 'Breach register — one row per personal data breach, with the regulator decision and notices (GDPR Art. 33(5))',
          },
        ]}
      />
      <RadioFieldset
        name="format"
        legend="Format"
        checked={values.format ?? 'csv'}
        errors={fieldErrors.format}
        options={[
          { value: 'csv', label: 'CSV — for spreadsheets' },
          { value: 'ndjson', label: 'NDJSON — one JSON object per line, for scripts' },
        ]}
      />
      <div className="audit-export__dates">
        <InputField
          id="from"
          label="From"
          hint="Day received (request log) or day of the event, in the organisation’s time zone"
          errors={fieldErrors.from}
          type="date"
          defaultValue={values.from ?? ''}
        />
        <InputField id="to" label="To" hint="Included" errors={fieldErrors.to} type="date" defaultValue={values.to ?? ''} />
      </div>
      <FormField id="type" label="Request type" errors={fieldErrors.type}>
        {(describedBy, isInvalid) => (
          <select
            id="type"
            name="type"
            defaultValue={values.type ?? ''}
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
          >
            <option value="">Any type</option>
            {requestTypes.map((type) => (
              <option key={type} value={type}>
                {requestTypeLabels[type].title}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="status" label="Request status" hint="The request’s status now" errors={fieldErrors.status}>
        {(describedBy, isInvalid) => (
          <select
            id="status"
            name="status"
            defaultValue={values.status ?? ''}
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
          >
            <option value="">Any status</option>
            {auditExportStatuses.map((status) => (
              <option key={status} value={status}>
                {statusLabels[status]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <button type="submit">Prepare the download</button>
    </form>
  );
}
