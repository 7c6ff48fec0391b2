'use client';

import { type FormEvent, useActionState, useState } from 'react';
import { FormField } from '@/components/form-field';
import { STAFF_BODY_LIMIT_BYTES } from '@/lib/http/check-incoming-request';
import { initialActionState } from '../../action-state';
import { fulfilRequestAction } from './actions';
import { FormProblem } from './form-problem';
import { ZFulfilRequest } from '@/lib/validation/staff-actions';
import { maxLengthOf } from '@/lib/validation/max-length-of';

type FulfilRequestFormProps = { reference: string; version: number; needsFiles: boolean; maxFiles: number; maxFileMegabytes: number };

export function FulfilRequestForm({ reference, version, needsFiles, maxFiles, maxFileMegabytes }: FulfilRequestFormProps) {
  const [state, formAction, isPending] = useActionState(fulfilRequestAction, initialActionState);
  const [sizeProblem, setSizeProblem] = useState<string | null>(null);
  // The server refuses the same (per file in the action, in all before the body is read); saying so here spares a long upload.
  function checkSizes(event: FormEvent<HTMLFormElement>) {
    const files = Array.from((event.currentTarget.elements.namedItem('files') as HTMLInputElement | null)?.files ?? []);
    const tooLarge = files.find((file) => file.size > maxFileMegabytes * 1024 * 1024);
    const total = files.reduce((sum, file) => sum + file.size, 0);
    const problem = tooLarge
      ? `${tooLarge.name} is larger than ${maxFileMegabytes} MB.`
      : total > STAFF_BODY_LIMIT_BYTES - 1024 * 1024
        ? `The files add up to more than ${Math.floor(STAFF_BODY_LIMIT_BYTES / (1024 * 1024)) - 1} MB: send fewer at a time.`
        : null;
    setSizeProblem(problem);
    if (problem) event.preventDefault();
  }
  const fileErrors = sizeProblem ? [sizeProblem] : state.fieldErrors?.files;
  return (
    <form action={formAction} onSubmit={checkSizes} className="request-action" aria-labelledby="fulfil-heading">
      <h3 id="fulfil-heading">Fulfil the request</h3>
      <p className="field__hint">
        The requester is emailed your message{needsFiles ? ' and a link to download the files from their status page' : ''}. This closes the
        request.
      </p>
      <FormProblem state={state} reference={reference} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
      <FormField id="fulfil-message" label="Message to the requester" errors={state.fieldErrors?.message}>
        {(describedBy, isInvalid) => (
          <textarea
            id="fulfil-message"
            name="message"
            required
            maxLength={maxLengthOf(ZFulfilRequest, 'message')}
            defaultValue={state.values?.message}
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
          />
        )}
      </FormField>
      {needsFiles ? (
        <FormField
          id="fulfil-files"
          label="Files for the requester"
          hint={`At least one file; at most ${maxFiles} files of up to ${maxFileMegabytes} MB each. Choose them again if the form shows a problem.`}
          errors={fileErrors}
        >
          {(describedBy, isInvalid) => (
            <input
              type="file"
              id="fulfil-files"
              name="files"
              multiple
              required
              aria-describedby={describedBy}
              aria-invalid={isInvalid || undefined}
            />
          )}
        </FormField>
      ) : null}
      <button type="submit" disabled={isPending}>
        {isPending ? 'Fulfilling…' : 'Fulfil request'}
      </button>
    </form>
  );
}
