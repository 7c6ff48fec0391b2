'use client';

import { type FormEvent, useState } from 'react';
import { InputField } from '@/components/form-field';
import { STAFF_BODY_LIMIT_BYTES } from '@/lib/http/check-incoming-request';

type AttachmentFilesFieldProps = {
  id: string;
  label: string;
  hint: string;
  isRequired: boolean;
  /** The problem found before sending (useFileSizeCheck), else the server's field errors. */
  errors: string[] | undefined;
};

/** The file input of the fulfil and release forms; the action reads every file sent as `files`. */
export function AttachmentFilesField({ id, label, hint, isRequired, errors }: AttachmentFilesFieldProps) {
  return <InputField id={id} label={label} hint={hint} errors={errors} type="file" name="files" multiple required={isRequired} />;
}

/**
 * Checks the chosen files' sizes when the form is sent. The server refuses the same (per file in
 * the use case, in all before the body is read); saying so here spares a long upload.
 */
export function useFileSizeCheck(maxFileMegabytes: number): {
  sizeProblem: string | null;
  checkSizes: (event: FormEvent<HTMLFormElement>) => void;
} {
  const [sizeProblem, setSizeProblem] = useState<string | null>(null);
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
  return { sizeProblem, checkSizes };
}
