import { z } from 'zod';
import { text } from './text';

/** The queue row's "Retry" button: which flagged request to retry. */
export const ZRetryRequestEmails = z.object({ reference: text().regex(/^DSR-\d{4}-\d{6,}$/, 'Not a request reference') });
export type TRetryRequestEmails = z.infer<typeof ZRetryRequestEmails>;

/** "Claim next request" takes no input: the server picks the request. */
export const ZClaimNextRequest = z.object({});

/** Save the queue's current view under a name (filters and sort as the URL's query string). */
export const ZSaveQueueView = z.strictObject({
  name: text({ error: 'Enter a name for the view' })
    .trim()
    .min(1, 'Enter a name for the view')
    .max(60, 'Keep the name under 60 characters'),
  query: text().max(1000),
});

export const ZDeleteQueueView = z.strictObject({ id: z.uuid({ error: 'Reload the page and try again' }) });
