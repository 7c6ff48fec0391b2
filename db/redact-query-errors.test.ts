import { inspect } from 'node:util';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/test-database';

const db = useTestDatabase();

type FailedQuery = Error & { cause?: Error & Record<string, unknown> };

async function failure(query: Promise<unknown>): Promise<FailedQuery> {
  const error = await query.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error('expected the query to fail');
  return error as FailedQuery;
}

/** Everything a logger could print of an error: console.error uses util.inspect, JSON loggers stringify. */
function everythingPrinted(error: Error): string {
  return [inspect(error, { depth: 8 }), String(error), error.stack ?? '', JSON.stringify(error), inspect(error.cause, { depth: 8 })].join(
    '\n',
  );
}

describe('a failed query never prints its parameters', () => {
  it('a NUL in a value (the error PostgreSQL gives for it) prints the SQL and the code, not the value', async () => {
    const email = 'ada.nul-test@example.com';
    const error = await failure(db.execute(sql`select ${`${email}\u0000`}::text as value`));

    expect(error.message).toMatch(/^Failed query: select \$1::text as value\nparams: \(withheld\)$/);
    expect(everythingPrinted(error)).not.toContain(email);
    expect(error.cause?.code).toBe('22021');
  });

  it('a value PostgreSQL quotes in its own message is cut from it', async () => {
    const secret = 'not-a-uuid-but-personal@example.com';
    const error = await failure(db.execute(sql`select ${secret}::uuid`));

    expect(error.cause?.message).toBe('invalid input syntax for type uuid: (value withheld)');
    expect(everythingPrinted(error)).not.toContain(secret);
  });

  it('a value in the detail of a unique violation stays readable by code but out of what is printed', async () => {
    const email = 'duplicate-test@example.com';
    const error = await failure(
      db.transaction(async (tx) => {
        await tx.execute(sql`create temporary table redaction_check (email text primary key) on commit drop`);
        await tx.execute(sql`insert into redaction_check values (${email})`);
        await tx.execute(sql`insert into redaction_check values (${email})`);
      }),
    );

    expect(error.cause?.code).toBe('23505');
    expect(error.cause?.constraint_name).toBe('redaction_check_pkey');
    expect(String(error.cause?.detail)).toContain(email);
    expect(everythingPrinted(error)).not.toContain(email);
  });

  it('a message with no value at its end (as the audit triggers raise) comes through whole', async () => {
    const error = await failure(db.execute(sql`do $$ begin raise exception 'table "request_events" is append-only'; end $$`));
    expect(error.cause?.message).toBe('table "request_events" is append-only');
  });
});
