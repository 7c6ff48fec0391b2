'use client';

import { useActionState } from 'react';
import { FormField, InputField } from '@/components/form-field';
import { comparisonLabels, comparisonOperators } from '@/lib/validation/incident-affected';
import { initialActionState } from '../../action-state';
import { ActionNotice, ActionProblems } from '../../form-feedback';
import { affectedLookupAction } from '../actions';

export type LookupSourceOption = { id: string; name: string; tables: { table: string; columns: string[] }[] };

const labels = {
  sourceId: 'System',
  table: 'Table',
  column: 'Column',
  operator: 'Comparison',
  value: 'Value',
  listColumn: 'Column the list holds',
  listCsv: 'List of values (CSV)',
};

/**
 * Describes the affected rows of one source: a table (a mapped one, or for a webhook system the kind
 * of record it understands), a comparison on one of its columns and/or a CSV of values for a column.
 * "Dry run" counts and samples (databases only); "Find them" starts the run.
 */
export function AffectedLookupForm({ reference, sources }: { reference: string; sources: LookupSourceOption[] }) {
  const [state, action, isPending] = useActionState(affectedLookupAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const tables = [...new Set(sources.flatMap((source) => source.tables.map((table) => table.table)))].sort();
  const columns = [...new Set(sources.flatMap((source) => source.tables.flatMap((table) => table.columns)))].sort();
  return (
    <>
      <ActionNotice state={state} />
      <form action={action} noValidate key={JSON.stringify(state)} aria-label="Find affected people">
        <ActionProblems state={state} labels={labels} />
        <input type="hidden" name="reference" value={reference} />
        <FormField id="lookup-source" label={labels.sourceId} errors={errors.sourceId}>
          {(describedBy, isInvalid) => (
            <select
              id="lookup-source"
              name="sourceId"
              defaultValue={values.sourceId}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            >
              {sources.map((source) => (
                <option key={source.id} value={source.id}>
                  {source.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <InputField
          id="lookup-table"
          label={labels.table}
          hint="A table of the system's map; for a webhook system, the kind of record it understands (e.g. customers)."
          errors={errors.table}
          type="text"
          name="table"
          list="lookup-tables"
          defaultValue={values.table}
        />
        <fieldset>
          <legend>Rows where…</legend>
          <InputField
            id="lookup-column"
            label={labels.column}
            hint="Leave empty to use only the list below."
            errors={errors.column}
            type="text"
            name="column"
            list="lookup-columns"
            defaultValue={values.column}
          />
          <FormField id="lookup-operator" label={labels.operator} errors={errors.operator}>
            {(describedBy, isInvalid) => (
              <select
                id="lookup-operator"
                name="operator"
                defaultValue={values.operator ?? '<'}
                aria-describedby={describedBy}
                aria-invalid={isInvalid}
              >
                {comparisonOperators.map((operator) => (
                  <option key={operator} value={operator}>
                    {comparisonLabels[operator]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <InputField
            id="lookup-value"
            label={labels.value}
            hint="A date is written 2024-05-31 (or with a time, 2024-05-31T12:00Z)."
            errors={errors.value}
            type="text"
            name="value"
            maxLength={200}
            defaultValue={values.value}
          />
        </fieldset>
        <fieldset>
          <legend>…and/or whose value is in an uploaded list</legend>
          <InputField
            id="lookup-list-column"
            label={labels.listColumn}
            errors={errors.listColumn}
            type="text"
            name="listColumn"
            list="lookup-columns"
            defaultValue={values.listColumn}
          />
          <InputField
            id="lookup-list"
            label={labels.listCsv}
            hint="One value per line (the first column of a CSV); a header line naming the column is skipped."
            errors={errors.listCsv}
            type="file"
            name="listFile"
            accept=".csv,text/csv,text/plain"
          />
        </fieldset>
        <datalist id="lookup-tables">
          {tables.map((table) => (
            <option key={table} value={table} />
          ))}
        </datalist>
        <datalist id="lookup-columns">
          {columns.map((column) => (
            <option key={column} value={column} />
          ))}
        </datalist>
        <div className="actions">
          <button type="submit" name="intent" value="dry_run" className="button button--secondary" disabled={isPending}>
            Dry run
          </button>
          <button type="submit" name="intent" value="run" className="button" disabled={isPending}>
            Find them
          </button>
        </div>
      </form>
    </>
  );
}
