import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import {
  type TAffectedCondition,
  type TAffectedFilter,
  type TAffectedLookupForm,
  ZAffectedFilter,
} from '@/lib/validation/incident-affected';

/**
 * The filter a lookup form describes: its comparison and its uploaded list (the first cell of
 * each CSV line, quotes removed, blank lines and a header naming the column skipped), both to hold.
 */
export function affectedFilterFromForm(form: TAffectedLookupForm): TAffectedFilter {
  const conditions: TAffectedCondition[] = [];
  if (form.column && form.operator && form.value) conditions.push({ column: form.column, operator: form.operator, value: form.value });
  if (form.listColumn) conditions.push({ column: form.listColumn, operator: 'in', values: listValues(form.listCsv, form.listColumn) });
  const parsed = ZAffectedFilter.safeParse({ table: form.table, conditions });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    throw new AppError('VALIDATION', 'The uploaded list or the condition is not usable: check the values.', {
      fieldErrors: { listCsv: Object.values(fieldErrors).flat() },
    });
  }
  return parsed.data;
}

function listValues(csv: string, column: string): string[] {
  const values = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) =>
      line
        .split(',')[0]!
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim(),
    )
    .filter((value) => value !== '');
  const [first, ...rest] = values;
  return first !== undefined && first.toLowerCase() === column.toLowerCase() ? rest : values;
}
