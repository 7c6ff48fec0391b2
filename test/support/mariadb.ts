import { randomBytes } from 'node:crypto';
import { type Connection, createConnection } from 'mysql2/promise';
import { afterAll, beforeAll } from 'vitest';

/**
 * The machine's MariaDB (or MySQL), as tests use it: MARIADB_URL, by default
 * root without a password on 127.0.0.1:3306 (README: start it if stopped).
 */
export function mariadbServerUrl(): string {
  return process.env.MARIADB_URL || 'mysql://root@127.0.0.1:3306';
}

export type ProvisionedMariadb = { databaseUrl: string; connection: Connection; stop: () => Promise<void> };

/** A fresh database of a test file's own on the MariaDB server, with a connection to it; `stop` drops it. */
export async function provisionMariadb(label: string): Promise<ProvisionedMariadb> {
  const name = `dsr_desk_test_${label}_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection({ uri: mariadbServerUrl() });
  try {
    await admin.query(`create database \`${name}\` character set utf8mb4`);
  } finally {
    await admin.end();
  }
  const url = new URL(mariadbServerUrl());
  url.pathname = `/${name}`;
  const connection = await createConnection({ uri: url.toString(), dateStrings: true });
  return {
    databaseUrl: url.toString(),
    connection,
    stop: async () => {
      await connection.end();
      const cleanup = await createConnection({ uri: mariadbServerUrl() });
      try {
        await cleanup.query(`drop database if exists \`${name}\``);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** For a test file: its own MariaDB database, made before its tests and dropped after them. Read its fields inside tests or hooks. */
export function useMariadb(label: string, prepare: (database: ProvisionedMariadb) => Promise<void> = async () => {}): ProvisionedMariadb {
  let database: ProvisionedMariadb | undefined;
  beforeAll(async () => {
    database = await provisionMariadb(label);
    await prepare(database);
  });
  afterAll(async () => {
    await database?.stop();
  });
  const current = () => {
    if (!database) throw new Error('the MariaDB database is made in beforeAll: use it inside tests or hooks');
    return database;
  };
  return {
    get databaseUrl() {
      return current().databaseUrl;
    },
    get connection() {
      return current().connection;
    },
    stop: () => current().stop(),
  };
}
