'use client';

import { useActionState } from 'react';
import { TextAreaField } from '@/components/form-field';
import { initialActionState } from '../../action-state';
import { FormProblem } from './form-problem';
import { AttachmentFilesField, useFileSizeCheck } from './attachment-files-field';
import { releaseCopyAction, releasePackageAction } from './fulfilment-actions';
import { ZReleasePackage } from '@/lib/validation/fulfilment';
import { maxLengthOf } from '@/lib/validation/max-length-of';

type ReleasePackageFormProps = {
  reference: string;
  version: number;
  /** Left out for a copy made only of uploads (isCopyFromUploadsOnly): the files are then required. */
  runId?: string;
  fileDescription: string;
  downloadTerms: string;
  maxFiles: number;
  maxFileMegabytes: number;
  /** A deletion's copy before erasure (releaseCopy): the request stays open; the days erasure then waits. */
  copyWaitDays?: number;
};

export function ReleasePackageForm({
  reference,
  version,
  runId,
  fileDescription,
  downloadTerms,
  maxFiles,
  maxFileMegabytes,
  copyWaitDays,
}: ReleasePackageFormProps) {
  const isCopy = copyWaitDays !== undefined;
  const isFromUploadsOnly = runId === undefined;
  const [state, formAction, isPending] = useActionState(isCopy ? releaseCopyAction : releasePackageAction, initialActionState);
  const { sizeProblem, checkSizes } = useFileSizeCheck(maxFileMegabytes);
  return (
    <form action={formAction} onSubmit={checkSizes} className="request-action" aria-labelledby="release-heading">
      <h3 id="release-heading">{isCopy ? 'Release the copy' : 'Release the package'}</h3>
      {isCopy ? (
        <p className="field__hint">
          The requester is emailed your message and can download {fileDescription}
          {isFromUploadsOnly ? '' : ', and any extra files you add,'} from their status page ({downloadTerms}). The request stays open:
          erasure is possible once they download it, or after {copyWaitDays} {copyWaitDays === 1 ? 'day' : 'days'}.
        </p>
      ) : (
        <p className="field__hint">
          The requester is emailed your message and can download {fileDescription}, and any extra files you add, from their status page (
          {downloadTerms}). This closes the request as fulfilled.
        </p>
      )}
      <FormProblem state={state} reference={reference} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="version" value={version} />
      {runId ? <input type="hidden" name="runId" value={runId} /> : null}
      <TextAreaField
        id="release-message"
        label="Message sent with the package"
        errors={state.fieldErrors?.message}
        name="message"
        required
        maxLength={maxLengthOf(ZReleasePackage, 'message')}
        defaultValue={state.values?.message}
      />
      <AttachmentFilesField
        id="release-files"
        label={isFromUploadsOnly ? 'The copy’s files' : 'Extra files (optional)'}
        hint={`${isFromUploadsOnly ? 'No source is enabled for access requests, so these files are the whole copy (a manual export, a paper file)' : 'For data the sources do not cover, such as paper records or a manual export'}: at most ${maxFiles} files of up to ${maxFileMegabytes} MB each.`}
        isRequired={isFromUploadsOnly}
        errors={sizeProblem ? [sizeProblem] : state.fieldErrors?.files}
      />
      <button type="submit" disabled={isPending}>
        {isPending ? 'Releasing…' : isCopy ? 'Release the copy to the requester' : 'Release to the requester'}
      </button>
    </form>
  );
}
