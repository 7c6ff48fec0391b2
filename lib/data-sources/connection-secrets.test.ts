import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProvisionedMariadb, provisionMariadb } from '@/test/support/mariadb';
import { withoutConnectionSecrets } from './describe-connection-failure';
import { withMysqlSource } from './mysql/connect-mysql-source';
import { withSource } from './postgres/connect-source';

const local = { allowPrivateTargets: true };

async function thrownBy(work: () => Promise<unknown>): Promise<Error> {
  try {
    await work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the operation to fail');
}

describe('[security] a source operation that fails never carries the connection string or its password', () => {
  it('PostgreSQL: a failed statement whose message echoes the connection string', async () => {
    const connectionString = process.env.DATABASE_URL!;
    const error = await thrownBy(() =>
      withSource(connectionString, local, (sql) => sql.unsafe(`select '${connectionString.replaceAll("'", "''")}'::int`)),
    );
    expect(error.message).toContain('invalid input syntax for type integer');
    expect(error.message).toContain('[hidden]');
    expect(error.message).not.toContain(connectionString);
    expect(error.stack ?? '').not.toContain(connectionString);
    expect((error as { code?: string }).code).toBe('22P02');
  });

  it('PostgreSQL: the password, written and percent-decoded, is cut wherever it appears', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    const error = await thrownBy(() =>
      withSource(url.toString(), local, async () => {
        throw new Error(`rejected ${url.password ? decodeURIComponent(url.password) : 'nothing'} and ${url.toString()}`);
      }),
    );
    expect(error.message).not.toContain(url.toString());
    if (url.password) expect(error.message).not.toContain(decodeURIComponent(url.password));
  });

  describe('MariaDB', () => {
    let mariadb: ProvisionedMariadb;
    beforeAll(async () => {
      mariadb = await provisionMariadb('secrets');
    });
    afterAll(async () => {
      await mariadb?.stop();
    });

    it('a failed statement whose message echoes the connection string and a password', async () => {
      const secret = 'p4ss-w0rd-that-must-not-leak';
      // The server ignores a password for root here, so it can be written into the URL and echoed back.
      const withPassword = new URL(mariadb.databaseUrl);
      withPassword.password = secret;
      const connectionString = mariadb.databaseUrl;
      const error = await thrownBy(() =>
        withMysqlSource(connectionString, local, ({ promise }) =>
          promise.query(`signal sqlstate '45000' set message_text = '${connectionString} ${secret}'`),
        ),
      );
      expect(error.message).toContain('[hidden]');
      expect(error.message).not.toContain(connectionString);
      expect(withoutConnectionSecrets(withPassword.toString(), new Error(`bad ${secret}`))).toMatchObject({ message: 'bad [hidden]' });
    });
  });

  it('an error without a secret is passed on untouched, its class and code kept', () => {
    const original = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
    expect(withoutConnectionSecrets('postgres://reader:pw-123@10.0.0.5/shop', original)).toBe(original);
    const aggregate = new AggregateError([new Error('auth failed for pw-123')], 'all attempts failed');
    const redacted = withoutConnectionSecrets('postgres://reader:pw-123@10.0.0.5/shop', aggregate) as AggregateError;
    expect(redacted.errors[0].message).toBe('auth failed for [hidden]');
  });
});
