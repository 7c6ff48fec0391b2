import { z } from 'zod';
import { ZEmailAddress } from './submit-request';
import { text } from './text';

/** The human reference as emails and pages show it (lib/requests/format-reference.ts). */
export const REFERENCE_MAX_LENGTH = 40;
export const REFERENCE_PATTERN = /^DSR-\d{4}-\d{6,}$/;

/** "Find my request": the address used, and optionally one reference to narrow it to. */
export const ZFindRequest = z.strictObject({
  email: ZEmailAddress,
  reference: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toUpperCase() || undefined : value),
    text().max(REFERENCE_MAX_LENGTH).regex(REFERENCE_PATTERN, 'Enter a reference like DSR-2026-000123, or leave it empty').optional(),
  ),
});
export type TFindRequest = z.infer<typeof ZFindRequest>;
