'use client';

import type { ErasureReplay } from '@/lib/fulfilment/replay-erasure';
import { FulfilmentButtonForm } from './fulfilment-button-form';
import { replayErasureAction } from './fulfilment-actions';

/**
 * While a backup may still hold the erased data: what to replay if one is restored, and the
 * one-click replay (audited). Shown on the request page until the last such backup expires.
 */
export function ErasureReplaySection({
  replay,
  reference,
  version,
  isWorkable,
}: {
  replay: ErasureReplay;
  reference: string;
  version: number;
  isWorkable: boolean;
}) {
  const until = replay.until.toISOString().slice(0, 10);
  return (
    <section aria-labelledby="replay-heading" data-testid="erasure-replay">
      <h3 id="replay-heading">If a backup is restored before {until}</h3>
      <p>
        Backups taken before this erasure may hold the person’s data until {until}. If one is restored before then, replay the erasure in:{' '}
        {replay.sources.join(', ') || 'no database (confirm the other systems by hand)'}.
      </p>
      {replay.replays.length > 0 ? (
        <ul>
          {replay.replays.map((run) => (
            <li key={run.runId}>
              Replayed {run.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC: {run.status}
            </li>
          ))}
        </ul>
      ) : null}
      {isWorkable && replay.sources.length > 0 ? (
        <FulfilmentButtonForm
          action={replayErasureAction}
          reference={reference}
          version={version}
          label="Replay erasure after a restore"
          pendingLabel="Replaying…"
          hint="Erases the person again from the databases above, checked against the same dry run, with a new proof. Recorded in the audit trail."
        />
      ) : null}
    </section>
  );
}
