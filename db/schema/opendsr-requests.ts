import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { OpenDsrStatus } from '@/lib/opendsr/opendsr-status';
import { apiKeys } from './api-keys';
import { requests } from './requests';

/**
 * A request filed over OpenDSR (https://github.com/opengdpr/OpenDSR): the controller's own
 * subject_request_id, unique per API key so a repeated POST answers with the first filing, and
 * the status it was last told of, so a callback goes out once per OpenDSR status change even when
 * several of our statuses map to one of theirs. Its callback URLs are event subscriptions
 * (event_subscriptions.opendsr_request_id), delivered by the event-webhook worker.
 */
export const opendsrRequests = pgTable(
  'opendsr_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    apiKeyId: uuid()
      .notNull()
      .references(() => apiKeys.id),
    subjectRequestId: uuid().notNull(),
    requestId: uuid()
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    /** sha256 of the validated body: the same subject_request_id with another body is refused (422). */
    fingerprint: text().notNull(),
    lastNotifiedStatus: text().$type<OpenDsrStatus>().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    unique('opendsr_requests_subject_request_per_key').on(table.apiKeyId, table.subjectRequestId),
    // Every audited change of a request looks here for callbacks to queue.
    index('opendsr_requests_by_request').on(table.requestId),
  ],
);

export type OpenDsrRequestRow = typeof opendsrRequests.$inferSelect;
