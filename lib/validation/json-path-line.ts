import { findNodeAtLocation, type ParseError, parseTree, type Segment } from 'jsonc-parser';

/**
 * Where a problem in a JSON document sits, for people editing it in a textarea: the 1-based line
 * of the value at `path` (`tables[1].export[2]` as ["tables", 1, "export", 2]), or null when the
 * text does not parse or holds no such value (the problem is about something missing: the
 * nearest existing parent's line is given instead).
 */
export function lineOfJsonPath(text: string, path: readonly Segment[]): number | null {
  // The parser is forgiving (it reads comments and half-written JSON); a document JSON.parse refuses gets no lines.
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (!root || errors.length > 0) return null;
  for (let length = path.length; length >= 0; length -= 1) {
    const node = findNodeAtLocation(root, path.slice(0, length) as Segment[]);
    if (node) return lineAt(text, node.offset);
  }
  return null;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (text.charCodeAt(index) === 10) line += 1;
  return line;
}

/** Reads back a path written by formatIssuePath (`tables[1].export[2]`); null for text that is not one. */
export function parseIssuePath(text: string): Segment[] | null {
  if (!/^[A-Za-z_][\w]*(\[\d+\]|\.[A-Za-z_][\w]*)*$/.test(text)) return null;
  const segments: Segment[] = [];
  for (const match of text.matchAll(/([A-Za-z_][\w]*)|\[(\d+)\]/g)) segments.push(match[2] === undefined ? match[1]! : Number(match[2]));
  return segments;
}

/**
 * Puts each map problem's line in front of it (`Line 14: tables[0].export[2]: Column "nmae" does
 * not exist…`), so the editor can mark the line; messages without a path are left as they are.
 */
export function withJsonLines(messages: readonly string[], text: string): string[] {
  return messages.map((message) => {
    const separator = message.indexOf(': ');
    const path = separator > 0 ? parseIssuePath(message.slice(0, separator)) : null;
    const line = path ? lineOfJsonPath(text, path) : null;
    return line ? `Line ${line}: ${message}` : message;
  });
}
