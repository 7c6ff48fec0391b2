import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/test-database';
import { arrayParameter } from './array-parameter';

const db = useTestDatabase();

describe('arrayParameter: an array as one bind parameter', () => {
  it('keeps quotes, backslashes, commas and braces in text values', async () => {
    const values = ['plain', 'with "quotes"', 'back\\slash', 'a,b', '{braces}', ''];
    const [row] = await db.execute<{ values: string[] }>(sql`select ${arrayParameter(values, 'text[]')} as values`);
    expect(row!.values).toEqual(values);
  });

  it('passes more values than PostgreSQL allows parameters (65,535), and bigint ids', async () => {
    const ids = Array.from({ length: 70_000 }, (_, index) => String(9_007_199_254_740_993n + BigInt(index)));
    const [row] = await db.execute<{ count: number; last: string }>(
      sql`select cardinality(${arrayParameter(ids, 'bigint[]')})::int as count, (${arrayParameter(ids, 'bigint[]')})[70000]::text as last`,
    );
    expect(row).toEqual({ count: 70_000, last: ids.at(-1) });
  });
});
