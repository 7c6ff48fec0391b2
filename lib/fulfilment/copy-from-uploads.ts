/**
 * A deletion with a copy first, where nothing can be gathered (no source is enabled for access requests)
 * and nothing was: the copy is made only of files staff upload (a manual export, a paper file), so the
 * erasure is not held up forever by a copy no run could build. One rule for the page's step, its form
 * and releaseCopy's own check.
 */
export function isCopyFromUploadsOnly({ accessSources, hasGathered }: { accessSources: number; hasGathered: boolean }): boolean {
  return accessSources === 0 && !hasGathered;
}
