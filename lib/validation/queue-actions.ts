import { z } from 'zod';
import { text } from './text';

/** The queue row's "Retry" button: which flagged request to retry. */
export const ZRetryRequestEmails = z.object({ reference: text().regex(/^DSR-\d{4}-\d{6,}$/, 'Not a request reference') });
export type TRetryRequestEmails = z.infer<typeof ZRetryRequestEmails>;

/** "Claim next request" takes no input: the server picks the request. */
export const ZClaimNextRequest = z.object({});
