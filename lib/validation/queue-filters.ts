import { z } from 'zod';
import { confirmedStatuses } from '@/lib/requests/request-status';
import { ZJurisdiction } from './jurisdiction';
import { ZRequestType } from './request-type';
import { text } from './text';

/** The statuses a confirmed request can have (from the state machine). */
export const queueStatuses = confirmedStatuses;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());
const flag = z.preprocess((value) => value === '1' || value === 'true' || value === true, z.boolean());

/** The queue's sortable columns, ascending or descending (`-`); each has its own keyset cursor. */
export const queueSorts = ['due', '-due', 'received', '-received', 'reference', '-reference'] as const;
export type QueueSort = (typeof queueSorts)[number];

/**
 * The queue's filters as they appear in the URL (?status=new&assignee=me&…), so
 * a view can be shared by its link. Anything unparseable falls back to default.
 */
export const ZQueueFilters = z.object({
  status: optional(z.enum([...queueStatuses, 'open', 'all'])).catch(undefined),
  type: optional(ZRequestType).catch(undefined),
  jurisdiction: optional(ZJurisdiction).catch(undefined),
  assignee: optional(z.union([z.enum(['me', 'unassigned', 'anyone']), z.uuid()])).catch(undefined),
  dueSoon: flag.catch(false),
  overdue: flag.catch(false),
  receivedFrom: optional(z.iso.date()).catch(undefined),
  receivedTo: optional(z.iso.date()).catch(undefined),
  q: optional(text().trim().max(254)).catch(undefined),
  /** With a search: only open requests (a search looks through closed ones too by default). */
  openOnly: flag.catch(false).optional(),
  sort: optional(z.enum(queueSorts)).catch(undefined),
  after: optional(text().max(200)).catch(undefined),
});

export type TQueueFilters = z.infer<typeof ZQueueFilters>;
