import { type Input, stringify } from 'csv-stringify/sync';

/**
 * What a reader of any CSV we write is told (package manifest, README): a cell a
 * spreadsheet would run as a formula is turned into text.
 */
export const CSV_FORMULA_ESCAPING_NOTE =
  "A CSV cell that starts with =, +, -, @, a tab or a carriage return has a single quote (') put in front of it, so a spreadsheet shows it as text instead of running it as a formula. The JSON file holds every value exactly as it was.";

/**
 * Every CSV dsr-desk writes (audit exports, reports, requesters' packages) goes
 * through here. csv-stringify's escape_formulas prefixes a quote to a string cell
 * that starts with = + - @ \t \r (and their full-width forms), so a value typed
 * into a form or held in a source system never runs as a formula when the file is
 * opened in a spreadsheet (CSV injection, OWASP).
 */
export function spreadsheetSafeCsv(rows: Input, options: { columns?: string[]; header?: boolean } = {}): string {
  return stringify(rows, { ...options, escape_formulas: true });
}
