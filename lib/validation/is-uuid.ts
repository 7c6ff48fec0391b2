/** Record ids (attachments, runs, results) are UUIDs; anything else is refused before it reaches a uuid column (which would throw) or a file path. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
