'use client';

import { FulfilmentButtonForm } from './fulfilment-button-form';
import { offerCopyBeforeErasureAction } from './fulfilment-actions';

export function OfferCopyForm({ reference, version, copyWaitDays }: { reference: string; version: number; copyWaitDays: number }) {
  return (
    <FulfilmentButtonForm
      action={offerCopyBeforeErasureAction}
      reference={reference}
      version={version}
      label="Offer a copy first"
      pendingLabel="Saving…"
      hint={`The requester’s data is gathered and released to them as a copy before it is erased; erasure then waits until they download it or ${copyWaitDays} ${copyWaitDays === 1 ? 'day has' : 'days have'} passed.`}
      isSecondary
    />
  );
}
