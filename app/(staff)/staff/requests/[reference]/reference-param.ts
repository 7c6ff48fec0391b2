import { notFound } from 'next/navigation';
import { decodePathSegment } from '@/lib/http/decode-path-segment';
import { ZReference } from '@/lib/validation/staff-actions';

/** The reference in the page's path, or the not-found page for anything that is not one (`%00`, `%ff`, a typo): never a query with it. */
export function referenceFromPath(rawReference: string): string {
  const parsed = ZReference.safeParse(decodePathSegment(rawReference));
  if (!parsed.success) notFound();
  return parsed.data;
}
