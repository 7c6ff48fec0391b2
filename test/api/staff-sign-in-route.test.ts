import { createRequire } from 'node:module';
import { and, eq, sql } from 'drizzle-orm';
import type { NextAuthOptions } from 'next-auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authOptions } from '@/auth';
import { POST } from '@/app/api/auth/[...nextauth]/route';
import { outboundEmails, staffSignInTokens } from '@/db/schema';
import { sendSignInLink } from '@/lib/staff/send-sign-in-link';
import { uniqueEmail } from '@/test/support/fixtures';
import { closeSharedDatabase } from '@/test/support/shared-database';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';

type InternalResponse = { status?: number; body?: unknown; redirect?: string; cookies?: { name: string; value: string }[] };
/**
 * next-auth's own request handler (next-auth/core, not in its package exports), so the
 * CSRF cookie and the magic-link callback below are next-auth's real ones, not ours.
 */
const { AuthHandler } = createRequire(import.meta.url)(new URL('../../node_modules/next-auth/core/index.js', import.meta.url).pathname) as {
  AuthHandler: (params: { req: Request; options: NextAuthOptions }) => Promise<InternalResponse>;
};

const db = useTestDatabase();
afterAll(() => closeSharedDatabase());
beforeAll(() => {
  // next-auth's own handler (CSRF cookie, magic-link callback) takes its origin from here, as `npm start` sets it.
  process.env.NEXTAUTH_URL = 'http://localhost:3999';
});

/** The defaults (SIGN_IN_LIMIT_PER_EMAIL, SIGN_IN_LIMIT_PER_IP_PER_HOUR), which the test set-up leaves alone. */
const DEFAULT_PER_EMAIL = 5;
const DEFAULT_PER_IP = 20;

type Csrf = { token: string; cookie: string };

/** A CSRF token and cookie issued by next-auth itself (GET /api/auth/csrf), as the sign-in form gets them. */
async function nextAuthCsrf(): Promise<Csrf> {
  const response = await AuthHandler({ req: new Request('http://localhost:3999/api/auth/csrf'), options: authOptions() });
  const cookie = response.cookies?.find((entry) => entry.name.endsWith('next-auth.csrf-token'));
  if (!cookie) throw new Error('next-auth set no CSRF cookie');
  return { token: (response.body as { csrfToken: string }).csrfToken, cookie: `${cookie.name}=${encodeURIComponent(cookie.value)}` };
}

let ipCounter = 0;
/** A different client address per call unless given: the per-IP limit stays out of tests about other things. */
const nextIp = () => `198.51.100.${(ipCounter++ % 250) + 1}`;

/** POST /api/auth/signin/email through the route handler, as next-auth/react's signIn('email', { redirect: false }) sends it. */
async function askForLink(
  email: string,
  { csrf, ip = nextIp(), callbackUrl = '/staff' }: { csrf: Csrf; ip?: string; callbackUrl?: string },
): Promise<Response> {
  const body = new URLSearchParams({ email, csrfToken: csrf.token, callbackUrl, json: 'true' });
  const request = new Request('http://localhost:3999/api/auth/signin/email', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie, 'x-forwarded-for': ip },
    body,
  });
  return POST(request, { params: Promise.resolve({ nextauth: ['signin', 'email'] }) });
}

/** The send-staff-sign-in-link jobs queued for an address (the worker would run them after the answer). */
async function queuedLinkJobs(email: string): Promise<{ email: string; callbackUrl: string }[]> {
  const rows = await db.execute<{ payload: { email: string; callbackUrl: string } }>(
    sql`select job.payload from graphile_worker._private_jobs job join graphile_worker._private_tasks task on task.id = job.task_id
        where task.identifier = 'send-staff-sign-in-link' and job.payload->>'email' = ${email.toLowerCase()} order by job.id`,
  );
  return rows.map((row) => row.payload);
}

/** Runs the queued jobs for an address as the worker does, oldest first. */
async function runQueuedLinkJobs(email: string): Promise<void> {
  for (const payload of await queuedLinkJobs(email)) await sendSignInLink(db, payload);
  await db.execute(sql`delete from graphile_worker._private_jobs where payload->>'email' = ${email.toLowerCase()}`);
}

async function signInLinksEmailedTo(email: string): Promise<string[]> {
  const rows = await db
    .select({ payload: outboundEmails.payload })
    .from(outboundEmails)
    .where(and(eq(outboundEmails.recipient, email), eq(outboundEmails.template, 'staff-sign-in')));
  return rows.map((row) => (row.payload as { props: { signInUrl: string } }).props.signInUrl);
}

/** Follows a magic link through next-auth's own callback: where it sends the browser, and whether it starts a session. */
async function followLink(signInUrl: string): Promise<{ redirect: string | undefined; hasSession: boolean }> {
  const response = await AuthHandler({ req: new Request(signInUrl), options: authOptions() });
  return {
    redirect: response.redirect,
    hasSession: Boolean(response.cookies?.some((cookie) => cookie.name.endsWith('next-auth.session-token') && cookie.value)),
  };
}

describe('[staff] asks for a sign-in link', () => {
  it('is answered at once; the worker then emails an active member a link that signs them in', async () => {
    const member = await createStaffMember(db, { role: 'agent' });
    const response = await askForLink(member.email, { csrf: await nextAuthCsrf() });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ url: 'http://localhost:3999/api/auth/verify-request?provider=email&type=email' });
    // Nothing is decided or sent while answering: one job, no token, no email yet.
    expect(await queuedLinkJobs(member.email)).toEqual([{ email: member.email.toLowerCase(), callbackUrl: 'http://localhost:3999/staff' }]);
    expect(await db.select().from(staffSignInTokens).where(eq(staffSignInTokens.identifier, member.email.toLowerCase()))).toEqual([]);
    expect(await signInLinksEmailedTo(member.email)).toEqual([]);

    await runQueuedLinkJobs(member.email);

    const [link] = await signInLinksEmailedTo(member.email);
    expect(link).toMatch(/^http:\/\/localhost:3999\/api\/auth\/callback\/email\?/);
    expect(await followLink(link!)).toEqual({ redirect: 'http://localhost:3999/staff', hasSession: true });
    // Single use.
    expect((await followLink(link!)).redirect).toContain('error=Verification');
  });

  it('an unknown address gets the same answer and the same job, and the worker sends nothing', async () => {
    const stranger = uniqueEmail('not-staff');
    const response = await askForLink(stranger, { csrf: await nextAuthCsrf() });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ url: 'http://localhost:3999/api/auth/verify-request?provider=email&type=email' });
    expect(await queuedLinkJobs(stranger)).toHaveLength(1);
    await runQueuedLinkJobs(stranger);
    expect(await signInLinksEmailedTo(stranger)).toEqual([]);
    expect(await db.select().from(staffSignInTokens).where(eq(staffSignInTokens.identifier, stranger.toLowerCase()))).toEqual([]);
  });

  it('a newer link makes the older one stop working', async () => {
    const member = await createStaffMember(db, { role: 'admin' });
    const csrf = await nextAuthCsrf();
    await askForLink(member.email, { csrf });
    await runQueuedLinkJobs(member.email);
    await askForLink(member.email, { csrf });
    await runQueuedLinkJobs(member.email);

    const [older, newer] = await signInLinksEmailedTo(member.email);
    expect(older).not.toBe(newer);
    expect((await followLink(older!)).redirect).toContain('error=Verification');
    expect(await followLink(newer!)).toEqual({ redirect: 'http://localhost:3999/staff', hasSession: true });
  });

  it('a callbackUrl on another origin is replaced by the staff home page', async () => {
    const member = await createStaffMember(db, { role: 'agent' });
    await askForLink(member.email, { csrf: await nextAuthCsrf(), callbackUrl: 'http://localhost:3999.evil.example/' });
    expect(await queuedLinkJobs(member.email)).toEqual([{ email: member.email.toLowerCase(), callbackUrl: 'http://localhost:3999/staff' }]);
  });

  it('without the CSRF cookie next-auth issued, or with another token, nothing is queued', async () => {
    const member = await createStaffMember(db, { role: 'agent' });
    const csrf = await nextAuthCsrf();
    const forged = await askForLink(member.email, { csrf: { token: 'a'.repeat(64), cookie: csrf.cookie } });
    const cookieless = await askForLink(member.email, { csrf: { token: csrf.token, cookie: '' } });

    expect([forged.status, cookieless.status]).toEqual([403, 403]);
    expect(await queuedLinkJobs(member.email)).toEqual([]);
  });
});

describe('[staff] sign-in links are rate limited', () => {
  it(`per address: after ${DEFAULT_PER_EMAIL} links in 15 minutes the next is refused with 429, for staff and unknown addresses alike`, async () => {
    const member = await createStaffMember(db, { role: 'agent' });
    const stranger = uniqueEmail('not-staff');
    const csrf = await nextAuthCsrf();
    for (const email of [member.email, stranger]) {
      for (let attempt = 0; attempt < DEFAULT_PER_EMAIL; attempt += 1) expect((await askForLink(email, { csrf })).status).toBe(200);
      const refused = await askForLink(email, { csrf });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toEqual({ url: 'http://localhost:3999/staff/sign-in?error=RateLimited' });
      expect(await queuedLinkJobs(email)).toHaveLength(DEFAULT_PER_EMAIL);
    }
  });

  it(`per IP: after ${DEFAULT_PER_IP} links in an hour from one address, the next is refused whatever the email`, async () => {
    const csrf = await nextAuthCsrf();
    const ip = '203.0.113.77';
    for (let attempt = 0; attempt < DEFAULT_PER_IP; attempt += 1)
      expect((await askForLink(uniqueEmail('spray'), { csrf, ip })).status).toBe(200);
    const email = uniqueEmail('spray');
    expect((await askForLink(email, { csrf, ip })).status).toBe(429);
    expect(await queuedLinkJobs(email)).toEqual([]);
    expect((await askForLink(email, { csrf, ip: '203.0.113.78' })).status).toBe(200);
  });
});

describe('[staff] the answer does not reveal who is staff', () => {
  const median = (values: number[]) => {
    const sorted = [...values].sort((left, right) => left - right);
    return sorted[Math.floor(sorted.length / 2)]!;
  };

  it('staff and unknown addresses take the same time to answer: the medians stay within a small band', async () => {
    const rounds = 25;
    const members = await Promise.all(Array.from({ length: rounds + 3 }, () => createStaffMember(db, { role: 'agent' })));
    const csrf = await nextAuthCsrf();
    const timed = async (email: string) => {
      const started = performance.now();
      const response = await askForLink(email, { csrf });
      const elapsed = performance.now() - started;
      expect(response.status).toBe(200);
      return elapsed;
    };
    // Warm both paths (module loading, prepared statements) before measuring.
    for (const member of members.slice(rounds)) {
      await timed(member.email);
      await timed(uniqueEmail('warm-up'));
    }
    const staffTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      // Alternating, so load on the machine falls on both sides alike.
      staffTimes.push(await timed(members[round]!.email));
      unknownTimes.push(await timed(uniqueEmail('unknown')));
    }

    const [staff, unknown] = [median(staffTimes), median(unknownTimes)];
    // Equal work on both paths: a difference of a database round trip or two (what sending used to add for staff) fails this.
    expect(Math.abs(staff - unknown), `medians: staff ${staff.toFixed(2)} ms, unknown ${unknown.toFixed(2)} ms`).toBeLessThanOrEqual(
      Math.max(1.5, 0.25 * Math.min(staff, unknown)),
    );
  });
});
