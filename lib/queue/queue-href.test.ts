import { describe, expect, it } from 'vitest';
import { ZQueueFilters } from '@/lib/validation/queue-filters';
import { hasActiveFilters, queueHref } from './queue-href';

const parse = (query: string) => ZQueueFilters.parse(Object.fromEntries(new URLSearchParams(query)));

describe('queueHref', () => {
  it('keeps the other filters when the status tab changes, and drops the cursor', () => {
    const filters = parse('type=deletion&assignee=me&overdue=1&after=abc');
    expect(queueHref(filters, { status: 'new' })).toBe('/staff?type=deletion&assignee=me&overdue=1&status=new');
  });

  it('leaves the defaults out, so the plain view is just /staff', () => {
    const filters = parse('status=open&assignee=anyone&q=');
    expect(queueHref(filters)).toBe('/staff');
    expect(hasActiveFilters(filters)).toBe(false);
    expect(hasActiveFilters(parse('jurisdiction=br_lgpd'))).toBe(true);
  });

  it('round-trips through the URL', () => {
    const filters = parse('status=all&receivedFrom=2026-01-01&dueSoon=1&q=DSR-2026-000001');
    expect(parse(queueHref(filters).split('?')[1]!)).toEqual({ ...filters, after: undefined });
  });
});
