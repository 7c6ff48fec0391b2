import type { ProcessingFlagType, TMapTable, TOptOutAction } from '@/lib/validation/data-source';

/** One column a processing flag sets, with where the map says so (for a save-time issue's path, from the table). */
export type ProcessingFlagAction = { path: (string | number)[]; action: TOptOutAction };

/**
 * What a table's map sets for this request type: an opt-out's `optOut[type]`, or the table's
 * `restriction` / `objection` (one action or a list). Empty when the table sets nothing for it.
 */
export function processingFlagActions(table: TMapTable, type: ProcessingFlagType): ProcessingFlagAction[] {
  const declared = type === 'restriction' || type === 'objection' ? table[type] : table.optOut?.[type];
  const path = type === 'restriction' || type === 'objection' ? [type] : ['optOut', type];
  if (!declared) return [];
  if (!Array.isArray(declared)) return [{ path, action: declared }];
  return declared.map((action, position) => ({ path: [...path, position], action }));
}

/** Every processing flag a table's map declares, for checking them all against the live schema. */
export function allProcessingFlagActions(table: TMapTable): ProcessingFlagAction[] {
  const optOutTypes = Object.keys(table.optOut ?? {}) as ProcessingFlagType[];
  return [...optOutTypes, 'restriction' as const, 'objection' as const].flatMap((type) => processingFlagActions(table, type));
}
