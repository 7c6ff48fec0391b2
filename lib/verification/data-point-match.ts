import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataPointKind } from '@/lib/validation/verification-levels';

/**
 * The same fact written two ways compares equal: "020 7946 0018" and "+44 20 7946 0018",
 * "sw1y4jh" and "SW1Y 4JH", "#1042" and "1042", "10/12/1815" and "1815-12-10".
 */
export function normaliseDataPoint(kind: DataPointKind, value: string): string {
  const trimmed = value.trim();
  if (kind === 'phone') {
    // Digits only, without the trunk or international prefix's zeros; the last ten digits are the national number.
    const digits = trimmed.replace(/\D/g, '').replace(/^0+/, '');
    return digits.length > 10 ? digits.slice(-10) : digits;
  }
  if (kind === 'postcode') return trimmed.replace(/[\s-]/g, '').toUpperCase();
  if (kind === 'order_number')
    return trimmed
      .replace(/[^0-9A-Za-z]/g, '')
      .replace(/^0+(?=.)/, '')
      .toUpperCase();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(trimmed);
  if (iso) return `${iso[1]}-${iso[2]!.padStart(2, '0')}-${iso[3]!.padStart(2, '0')}`;
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (dayFirst) return `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}`;
  return trimmed.toUpperCase();
}

/**
 * Which of the facts the requester gave match one of the subject's values, compared in constant
 * time: both sides are first keyed-hashed to one length under a key made for this comparison,
 * and every candidate is compared (no early exit), so timing tells nothing about near misses.
 */
export function matchDataPoints(
  given: Partial<Record<DataPointKind, string>>,
  known: Map<DataPointKind, string[]>,
): { matched: DataPointKind[]; given: DataPointKind[] } {
  const key = randomBytes(32);
  const digest = (kind: DataPointKind, value: string) =>
    createHmac('sha256', key)
      .update(`${kind}\u0000${normaliseDataPoint(kind, value)}`)
      .digest();
  const matched: DataPointKind[] = [];
  const givenKinds: DataPointKind[] = [];
  for (const [kind, value] of Object.entries(given) as [DataPointKind, string | undefined][]) {
    if (!value || normaliseDataPoint(kind, value) === '') continue;
    givenKinds.push(kind);
    const expected = digest(kind, value);
    let isMatch = false;
    for (const candidate of known.get(kind) ?? []) {
      if (normaliseDataPoint(kind, candidate) === '') continue;
      isMatch = timingSafeEqual(expected, digest(kind, candidate)) || isMatch;
    }
    if (isMatch) matched.push(kind);
  }
  return { matched, given: givenKinds };
}
