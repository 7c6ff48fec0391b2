import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';

/** A fulfilment is a handful of export files; more than this is a mistake (a whole folder picked), not a response. */
export const MAX_ATTACHMENT_COUNT = 10;

/**
 * Refuses uploads over the count or per-file size limits before anything is
 * written to storage. The message names the file so the agent knows which to shrink.
 */
export function assertAttachmentLimits(files: readonly File[]): void {
  if (files.length > MAX_ATTACHMENT_COUNT) {
    throw new AppError(
      'VALIDATION',
      `Attach at most ${MAX_ATTACHMENT_COUNT} files (you chose ${files.length}). Combine them into an archive if needed.`,
      { field: 'files' },
    );
  }
  const { MAX_ATTACHMENT_MB } = env();
  const tooLarge = files.find((file) => file.size > MAX_ATTACHMENT_MB * 1024 * 1024);
  if (tooLarge) throw new AppError('VALIDATION', `${tooLarge.name} is larger than ${MAX_ATTACHMENT_MB} MB.`, { field: 'files' });
}
