import { type Input, stringify } from 'csv-stringify/sync';

/**
 * What a reader of any CSV we write is told (package manifest, README): a cell a
 * spreadsheet would run as a formula is turned into text.
 */
export const CSV_FORMULA_ESCAPING_NOTE =
  "A CSV cell that starts with =, +, -, @, a tab or a carriage return (and is not a plain number) has a single quote (') put in front of it, so a spreadsheet shows it as text instead of running it as a formula. The JSON file holds every value exactly as it was.";

/** The characters csv-stringify's escape_formulas looks for, full-width forms included. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A number written as text (a big integer a source sent as digits): a spreadsheet reads it as a number, never a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** One cell's text, made safe to open in a spreadsheet (CSV injection, OWASP). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * Every CSV dsr-desk writes (audit exports, reports, requesters' packages) goes
 * through here, so a value typed into a form or held in a source system never runs
 * as a formula when the file is opened in a spreadsheet.
 */
export function spreadsheetSafeCsv(rows: Input, options: { columns?: string[]; header?: boolean } = {}): string {
  return stringify(rows, { ...options, cast: { string: neutraliseFormula } });
}
