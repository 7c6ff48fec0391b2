import { readFileSync } from 'node:fs';
import postgres from 'postgres';

const rolesScript = new URL('../../db/roles.sql', import.meta.url);

/**
 * Applies db/roles.sql for `role` (the script names `dsr_desk_app`): full use of the app's
 * tables and the job queue, but only INSERT and SELECT on the audit log. Run as the owner
 * after migrating, since grants on ALL TABLES cover only the tables that exist.
 */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`not a plain role name: ${role}`);
  const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await owner.unsafe(readFileSync(rolesScript, 'utf8').replaceAll('dsr_desk_app', role));
  } finally {
    await owner.end({ timeout: 5 });
  }
}

/**
 * For the embedded default: creates (or re-keys) the login role the web server and worker
 * use instead of the superuser, so even the demo install cannot rewrite its audit log from
 * the application. Returns the database URL for that role.
 */
export async function ensureAppRole(ownerUrl: string, { role, password }: { role: string; password: string }): Promise<string> {
  if (!/^[A-Za-z0-9_-]+$/.test(password)) throw new Error('the app role password must be URL- and SQL-safe (letters, digits, - and _)');
  const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    const [existing] = await owner`select 1 from pg_roles where rolname = ${role}`;
    await owner.unsafe(`${existing ? 'alter' : 'create'} role ${role} login nosuperuser nocreatedb nocreaterole password '${password}'`);
  } finally {
    await owner.end({ timeout: 5 });
  }
  await grantAppRole(ownerUrl, role);
  const appUrl = new URL(ownerUrl);
  appUrl.username = role;
  appUrl.password = password;
  return appUrl.toString();
}
