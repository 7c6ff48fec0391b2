'use client';

import { FulfilmentButtonForm } from './fulfilment-button-form';
import { retryFailedSourcesAction } from './fulfilment-actions';

export function RetryFailedSourcesForm({
  reference,
  version,
  runId,
  failedCount,
}: {
  reference: string;
  version: number;
  runId: string;
  failedCount: number;
}) {
  return (
    <FulfilmentButtonForm
      action={retryFailedSourcesAction}
      reference={reference}
      version={version}
      fields={{ runId }}
      label={failedCount === 1 ? 'Retry the failed source' : `Retry ${failedCount} failed sources`}
      pendingLabel="Retrying…"
      hint="Sources that succeeded keep their result; only the failed ones run again."
    />
  );
}
