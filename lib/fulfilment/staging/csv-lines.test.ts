import { describe, expect, it } from 'vitest';
import { spreadsheetSafeCsv } from '@/lib/csv/spreadsheet-safe-csv';
import { csvLines } from './stage-source-data';

describe('a package CSV written straight from the rows', () => {
  it('is the text csv-stringify writes for the same cells: quoting, formulas, booleans, empty cells, dates and JSON', () => {
    const columns = ['text', 'number', 'flag', 'missing', 'at', 'data'];
    const rows = [
      { text: 'York, "old town"', number: 12.5, flag: true, missing: null, at: new Date('2024-03-01T12:00:00Z'), data: { a: [1, 'x,y'] } },
      { text: 'two\nlines', number: -3, flag: false, missing: undefined, at: null, data: ['=1+1'] },
      { text: '=HYPERLINK("http://evil.example")', number: 0, flag: null, missing: '', at: null, data: null },
      { text: '+44 7700 900123', number: 1e21, flag: true, missing: '-12', at: null, data: 'plain' },
      { text: 'carriage\rreturn', number: Number.NaN, flag: false, missing: '@mention', at: null, data: '' },
    ];
    const expected = spreadsheetSafeCsv(
      rows.map((row) =>
        columns.map((column) => {
          const value = (row as Record<string, unknown>)[column];
          if (value === null || value === undefined) return null;
          if (value instanceof Date) return value.toISOString();
          if (typeof value === 'object') return JSON.stringify(value);
          return value as string | number | boolean;
        }),
      ),
    );
    expect(csvLines(rows, columns)).toBe(expected);
  });
});
