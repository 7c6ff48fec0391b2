import type { ColumnMask } from './masked-columns';
import type { LiveColumn } from './sql-dialect';

/** A keyed hash is written as 64 hex characters (HMAC-SHA256). */
export const KEYED_HASH_LENGTH = 64;

/**
 * Why masking this column this way would break one of the live table's constraints
 * (or cannot work on its type), in words for the admin; null when it is safe.
 * Refused on save, so an erasure never fails halfway on a constraint.
 */
export function maskProblem({ column, strategy }: ColumnMask, live: LiveColumn, table: string): string | null {
  const name = `Column "${column}" in ${table}`;
  if (live.isPrimaryKey) return `${name} is the primary key: it cannot be masked; delete the rows or keep it`;
  if (live.isReferenced)
    return `${name} is referenced by another table's foreign key: masking it would break those rows; delete the rows or keep it`;
  if (strategy === 'placeholder') {
    if (live.isNullable) return null;
    if (!live.isTextual) return `${name} is NOT NULL and not text (${live.dataType}): it cannot be anonymised; delete the rows or keep it`;
    return live.isForeignKey
      ? `${name} is NOT NULL and a foreign key: no placeholder would match the other table; delete the rows or keep it`
      : null;
  }
  if (strategy === 'null') return live.isNullable ? null : `${name} is NOT NULL: it cannot be set to null; choose another strategy`;
  if (live.isForeignKey) return `${name} is a foreign key: only "null" keeps it valid${live.isNullable ? '' : ', and it is NOT NULL'}`;
  if (strategy === 'year') {
    if (!live.isDate) return `${name} is not a date or timestamp (${live.dataType}): "year" cannot cut it`;
    return live.isUnique ? `${name} is UNIQUE: dates cut to the year would repeat` : null;
  }
  if (!live.isTextual) return `${name} is not text (${live.dataType}): only "null"${live.isDate ? ' or "year"' : ''} can mask it`;
  if (strategy === 'hash') {
    return live.maxLength != null && live.maxLength < KEYED_HASH_LENGTH
      ? `${name} holds at most ${live.maxLength} characters: a keyed hash needs ${KEYED_HASH_LENGTH}`
      : null;
  }
  if (strategy === 'random') return null;
  if (live.isUnique) return `${name} is UNIQUE: a fixed text would repeat for the second person erased; use "hash" or "random"`;
  return live.maxLength != null && strategy.fixed.length > live.maxLength
    ? `${name} holds at most ${live.maxLength} characters: the fixed text has ${strategy.fixed.length}`
    : null;
}
