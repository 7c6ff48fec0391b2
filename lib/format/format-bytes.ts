/**
 * A size as people read it, the one way the product writes sizes (pages, events,
 * webhook errors): bytes, kB or MB, 1024-based, one decimal unless it is whole.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [amount, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'kB'] : [bytes / 1024 / 1024, 'MB'];
  return `${amount.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}
