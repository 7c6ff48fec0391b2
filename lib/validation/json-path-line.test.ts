import { describe, expect, it } from 'vitest';
import { lineOfJsonPath, parseIssuePath, withJsonLines } from './json-path-line';

const map = JSON.stringify(
  {
    tables: [
      { table: 'customers', export: ['id', 'email'] },
      { table: 'orders', export: ['id', 'totl'], erase: { action: 'delete' } },
    ],
  },
  null,
  2,
);

describe('map problems point at their line', () => {
  it('finds the line of an array entry, an object member and the document', () => {
    const lines = map.split('\n');
    const totl = lines.findIndex((line) => line.includes('"totl"')) + 1;
    expect(lineOfJsonPath(map, ['tables', 1, 'export', 1])).toBe(totl);
    expect(lines[lineOfJsonPath(map, ['tables', 1, 'erase', 'action'])! - 1]).toContain('"delete"');
    expect(lineOfJsonPath(map, [])).toBe(1);
  });

  it('falls back to the nearest parent that exists when the path names something missing', () => {
    const ordersLine = lineOfJsonPath(map, ['tables', 1]);
    expect(lineOfJsonPath(map, ['tables', 1, 'match'])).toBe(ordersLine);
  });

  it('reads back the paths the validators write, and refuses anything else', () => {
    expect(parseIssuePath('tables[1].export[2]')).toEqual(['tables', 1, 'export', 2]);
    expect(parseIssuePath('tables[0].erase.columns[3]')).toEqual(['tables', 0, 'erase', 'columns', 3]);
    expect(parseIssuePath('The map is not valid JSON')).toBeNull();
    expect(parseIssuePath('tables[x]')).toBeNull();
  });

  it('prefixes each message with its line, and leaves messages without a path alone', () => {
    const [first, second] = withJsonLines(
      ['tables[1].export[1]: Column "totl" does not exist in table public.orders', 'Add at least one table'],
      map,
    );
    expect(first).toMatch(/^Line \d+: tables\[1\]\.export\[1\]: Column "totl"/);
    expect(second).toBe('Add at least one table');
    expect(withJsonLines(['tables[0].table: Required'], '{ not json')).toEqual(['tables[0].table: Required']);
  });
});
