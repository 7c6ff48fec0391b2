/** A saved view's stored query string as the queue's link. */
export function queueViewHref(query: string): string {
  return query ? `/staff?${query}` : '/staff';
}

export type QueueView = { id: string; name: string; href: string };
