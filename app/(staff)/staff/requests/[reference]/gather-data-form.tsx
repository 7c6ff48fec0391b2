'use client';

import { FulfilmentButtonForm } from './fulfilment-button-form';
import { startGatheringAction } from './fulfilment-actions';

export function GatherDataForm({ reference, version, isAgain }: { reference: string; version: number; isAgain: boolean }) {
  return (
    <FulfilmentButtonForm
      action={startGatheringAction}
      reference={reference}
      version={version}
      label={isAgain ? 'Gather data again' : 'Gather data'}
      pendingLabel="Starting…"
      hint={`Searches every enabled source for this person and builds a package you can preview before releasing it.${isAgain ? ' A package not yet released is replaced.' : ''}`}
      isSecondary={isAgain}
    />
  );
}
