import type { TableErasurePlan } from '@/lib/data-sources/map/mapped-table-sql';
import type { SourceOutcome } from '../source-executor';

/** A database source's dry run or erasure as a step's outcome: rows per table, and the rows deleted or anonymised (kept rows are not "done"). */
export function databaseSourceOutcome(plans: TableErasurePlan[]): SourceOutcome {
  const rowCounts = Object.fromEntries(plans.map((plan) => [plan.table, plan.rows]));
  const rowsDone = plans.filter((plan) => plan.action !== 'keep').reduce((total, plan) => total + plan.rows, 0);
  return { status: 'succeeded', rowCounts, rowsDone };
}
