/** Why a verification stopped at an event. Pure, so the staff page's client form can show the label. */
export type ChainBreakReason = 'hash-mismatch' | 'previous-hash-link-broken' | 'hash-missing';

export const breakReasonLabels: Record<ChainBreakReason, string> = {
  'hash-mismatch': 'the event’s content no longer matches its hash (it was changed after it was written)',
  'previous-hash-link-broken': 'the event does not link to the event before it (an event before it was removed or inserted, or a hash rewritten)',
  'hash-missing': 'the event has no hash (it was written while the chaining trigger was disabled)',
};
