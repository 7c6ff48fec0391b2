/**
 * `npm run staff -- add --email you@example.com --role admin [--name "Your Name"]`
 * Adds (or reactivates) a staff member from the command line: how the first
 * admin of a fresh install is made. Whoever can run this owns the server.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

if (existsSync('.env')) process.loadEnvFile('.env');
(process.env as Record<string, string>).NODE_ENV ||= 'production';
const { applyEmbeddedCommandDefaults } = await import('./local-defaults');
applyEmbeddedCommandDefaults();
const { createDatabase } = await import('@/db/client');
const { env } = await import('@/lib/env');
const { inviteStaffMember } = await import('@/lib/staff/invite-staff-member');
const { ZInviteStaffMember } = await import('@/lib/validation/staff-members');

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, 'no-email': { type: 'boolean' } },
});

if (positionals[0] !== 'add') {
  console.error('usage: npm run staff -- add --email you@example.com --role admin|agent|auditor [--name "Name"] [--no-email]');
  process.exit(2);
}
const parsed = ZInviteStaffMember.safeParse({ email: values.email, role: values.role, name: values.name ?? '' });
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
  process.exit(2);
}
const { db, close } = createDatabase(env().DATABASE_URL, { max: 1 });
const { staffId } = await inviteStaffMember(db, { actor: 'system', input: parsed.data, sendInvitation: !values['no-email'] });
await close();
console.log(`${parsed.data.email} is an active ${parsed.data.role} (${staffId}). They sign in at ${env().APP_URL}/staff/sign-in`);
process.exit(0);
