'use client';

import { FulfilmentButtonForm } from './fulfilment-button-form';
import { startDryRunAction } from './fulfilment-actions';

export function DryRunForm({ reference, version, isAgain }: { reference: string; version: number; isAgain: boolean }) {
  return (
    <FulfilmentButtonForm
      action={startDryRunAction}
      reference={reference}
      version={version}
      label={isAgain ? 'Run the dry run again' : 'Dry run'}
      pendingLabel="Starting…"
      hint="Counts, per source and table, the rows erasure would delete, anonymise or keep. Nothing is changed."
      isSecondary={isAgain}
    />
  );
}
