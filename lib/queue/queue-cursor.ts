/** Keyset pagination cursor: the (due date, id) of the last row shown, opaque in the URL. */
export type QueueCursor = { dueOn: string; id: string };

export function encodeQueueCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.dueOn, cursor.id])).toString('base64url');
}

export function decodeQueueCursor(value: string | undefined): QueueCursor | null {
  if (!value) return null;
  try {
    const [dueOn, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (typeof dueOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dueOn) && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { dueOn, id };
  } catch {
    // A mangled cursor just starts from the first page.
  }
  return null;
}
