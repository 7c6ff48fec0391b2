import type { TErasureAction, TMaskStrategy } from '@/lib/validation/data-source';

/** `placeholder`: the list form's blanking — NULL, or a unique "erased-…" text where NULL is not allowed. */
export type ColumnMask = { column: string; strategy: TMaskStrategy | 'placeholder' };

/** An anonymise action's columns with their strategies, in the map's order, whichever form the map uses. */
export function maskedColumns(erase: Extract<TErasureAction, { action: 'anonymise' }>): ColumnMask[] {
  if (Array.isArray(erase.columns)) return erase.columns.map((column) => ({ column, strategy: 'placeholder' }));
  return Object.entries(erase.columns).map(([column, strategy]) => ({ column, strategy }));
}

/** An anonymise action's masks in words, for the request page: "shipping_name, shipping_address blanked", "email replaced by a keyed hash, …". */
export function describeMasks(erase: Extract<TErasureAction, { action: 'anonymise' }>): string {
  if (Array.isArray(erase.columns)) return `${erase.columns.join(', ')} blanked`;
  return maskedColumns(erase).map(describeMask).join(', ');
}

function describeMask({ column, strategy }: ColumnMask): string {
  if (strategy === 'placeholder') return `${column} blanked`;
  if (typeof strategy === 'object') return `${column} set to "${strategy.fixed}"`;
  return {
    null: `${column} emptied`,
    random: `${column} replaced at random`,
    hash: `${column} replaced by a keyed hash`,
    year: `${column} cut to the year`,
  }[strategy];
}
