/**
 * A path into a JSON document as people write it: `tables[1].export[2]`.
 * Used for problems in a PostgreSQL map (typed as JSON in a textarea or a seed file),
 * so the message points at the exact entry.
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text ? `${text}.${name}` : name;
  }, '');
}

/** `tables[1].export[2]: Column "nmae" does not exist…`, or the message alone for the document itself. */
export function describeIssue(path: readonly PropertyKey[], message: string): string {
  const where = formatIssuePath(path);
  return where ? `${where}: ${message}` : message;
}
