/**
 * Whether confirming this item settles its run: every other source already succeeded. For an
 * erasure that closes the request and emails the requester, so the confirmation asks twice
 * (confirmManualSource refuses without it; the checklist shows the second tick from the same rule).
 */
export function isLastOpenItem(results: readonly { id: string; status: string }[], resultId: string): boolean {
  return results.every((result) => result.id === resultId || result.status === 'succeeded');
}
