import { z } from 'zod';

/**
 * C0 and C1 control characters and DEL, except tab, line feed and the carriage
 * return of a textarea's CRLF. Nobody types them: a NUL is refused by PostgreSQL's
 * text type (a 500 before this check), and the others hide or reorder what staff,
 * emails and CSV exports show.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/;

export const CONTROL_CHARACTER_MESSAGE = 'Remove the invisible control characters (such as U+0000) from this field';

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

/**
 * `z.string()` for every text field in lib/validation: the same string schema, refusing
 * control characters with a field error before any other check runs.
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((value) => !hasControlCharacters(value), { error: CONTROL_CHARACTER_MESSAGE, abort: true });
}
