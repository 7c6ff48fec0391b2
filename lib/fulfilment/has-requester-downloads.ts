import type { RequestRow } from '@/db/schema';
import { isActive } from '@/lib/requests/request-status';

/**
 * Whether the requester's status link serves the request's files: the answer of a fulfilled request, or
 * the copy a "copy first" deletion releases while the request is still open (the erasure comes after it).
 */
export function hasRequesterDownloads(request: Pick<RequestRow, 'status' | 'copyBeforeErasure'>): boolean {
  return request.status === 'fulfilled' || (request.copyBeforeErasure && isActive(request.status));
}
