import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/**
 * Per-file test databases: the global set-up migrates and seeds one template
 * database; every test file gets its own copy (`CREATE DATABASE … TEMPLATE …`,
 * a file copy, no migrations) and drops it when it ends. Works the same on the
 * embedded cluster and on a server named by DATABASE_URL.
 */
export type TestDatabaseClone = { databaseUrl: string; drop: () => Promise<void> };

function adminUrlFor(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Clone names start with the template's name, so the run's teardown can sweep any a crashed file left. */
const clonePrefix = (templateName: string) => `${templateName}_f_`;

export async function cloneTestDatabase(templateUrl: string): Promise<TestDatabaseClone> {
  const templateName = databaseName(templateUrl);
  const name = `${clonePrefix(templateName)}${randomBytes(5).toString('hex')}`;
  const admin = postgres(adminUrlFor(templateUrl), { max: 1, onnotice: () => {} });
  try {
    // CREATE DATABASE … TEMPLATE refuses while anything else is connected to the
    // template (an autovacuum worker, another file's CREATE finishing): retry briefly.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.unsafe(`create database ${quote(name)} template ${quote(templateName)}`);
        break;
      } catch (error) {
        const isBusy = error instanceof Error && /being accessed by other users/.test(error.message);
        if (!isBusy || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 100));
      }
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
  const databaseUrl = new URL(templateUrl);
  databaseUrl.pathname = `/${name}`;
  return {
    databaseUrl: databaseUrl.toString(),
    drop: async () => {
      const cleanup = postgres(adminUrlFor(templateUrl), { max: 1, onnotice: () => {} });
      try {
        // WITH (FORCE) ends the file's own pools that were left open (getDb(), a worker).
        await cleanup.unsafe(`drop database if exists ${quote(name)} with (force)`);
      } finally {
        await cleanup.end({ timeout: 5 });
      }
    },
  };
}

/** Drops every clone of the template still there (a file that crashed before its afterAll). */
export async function dropTestDatabaseClones(templateUrl: string): Promise<void> {
  const admin = postgres(adminUrlFor(templateUrl), { max: 1, onnotice: () => {} });
  try {
    const prefix = clonePrefix(databaseName(templateUrl));
    const clones = await admin<{ datname: string }[]>`select datname from pg_database where starts_with(datname, ${prefix})`;
    for (const { datname } of clones) await admin.unsafe(`drop database if exists ${quote(datname)} with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
