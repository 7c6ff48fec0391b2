/** Why a verification stopped at an event. Pure, so the staff page's client form can show the label. */
export type ChainBreakReason =
  | 'hash-mismatch'
  | 'previous-hash-link-broken'
  | 'hash-missing'
  | 'leaf-mismatch'
  | 'event-removed'
  | 'event-not-in-tree'
  | 'tree-head-mismatch'
  | 'tree-head-signature-invalid'
  | 'tree-head-lost';

export const breakReasonLabels: Record<ChainBreakReason, string> = {
  'hash-mismatch': 'the event’s content no longer matches its hash (it was changed after it was written)',
  'previous-hash-link-broken':
    'the event does not link to the event before it (of its request, or in the log before the Merkle tree) — an event was removed or inserted, or a hash rewritten',
  'hash-missing': 'the event has no hash (it was written while the chaining trigger was disabled)',
  'leaf-mismatch': 'the event no longer matches the leaf sealed into the Merkle tree for it (it was changed after it was sealed)',
  'event-removed': 'the event was sealed into the Merkle tree but is no longer in the log (it was deleted)',
  'event-not-in-tree': 'the event sits among sealed events but was never sealed (it was inserted afterwards)',
  'tree-head-mismatch':
    'the signed tree head does not match the events it covers (sealed events or leaves were rewritten, removed or reordered)',
  'tree-head-signature-invalid': 'the tree head’s signature does not check with this log’s public key (it was forged or rewritten)',
  'tree-head-lost':
    'a tree head seen before (by an earlier check or given to this one) covers more events than the log now holds, or another root: events at the end were removed',
};
