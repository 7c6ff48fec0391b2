import type { TCorrectionField } from '@/lib/validation/correction-request';

/** "Postal address", "postal_address" and "postalAddress" name the same thing. */
function comparable(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * What the requester said a correctable column should be: the "should be" of their line whose field names
 * the column (case, spaces and underscores aside), so the correction form starts from their words. A guess to
 * check in the dry run, never applied by itself; no line names the column → nothing suggested.
 */
export function suggestCorrectedValue(fields: readonly TCorrectionField[] | null, column: string): string | undefined {
  const wanted = comparable(column);
  return fields?.find((line) => comparable(line.field) === wanted)?.shouldBe;
}
