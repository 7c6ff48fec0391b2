'use client';

import { useActionState } from 'react';
import { TextAreaField } from '@/components/form-field';
import { initialActionState } from '../../action-state';
import { fulfilRequestAction } from './actions';
import { AttachmentFilesField, useFileSizeCheck } from './attachment-files-field';
import { FormProblem } from './form-problem';
import { ZFulfilRequest } from '@/lib/validation/staff-actions';
import { maxLengthOf } from '@/lib/validation/max-length-of';

type FulfilRequestFormProps = { reference: string; version: number; needsFiles: boolean; maxFiles: number; maxFileMegabytes: number };

export function FulfilRequestForm({ reference, version, needsFiles, maxFiles, maxFileMegabytes }: FulfilRequestFormProps) {
  const [state, formAction, isPending] = useActionState(fulfilRequestAction, initialActionState);
  const { sizeProblem, checkSizes } = useFileSizeCheck(maxFileMegabytes);
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
      <TextAreaField
        id="fulfil-message"
        label="Message to the requester"
        errors={state.fieldErrors?.message}
        name="message"
        required
        maxLength={maxLengthOf(ZFulfilRequest, 'message')}
        defaultValue={state.values?.message}
      />
      {needsFiles ? (
        <AttachmentFilesField
          id="fulfil-files"
          label="Files for the requester"
          hint={`At least one file; at most ${maxFiles} files of up to ${maxFileMegabytes} MB each. Choose them again if the form shows a problem.`}
          isRequired
          errors={fileErrors}
        />
      ) : null}
      <button type="submit" disabled={isPending}>
        {isPending ? 'Fulfilling…' : 'Fulfil request'}
      </button>
    </form>
  );
}
