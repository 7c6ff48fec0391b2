import { afterAll, beforeAll, expect } from 'vitest';
import type { Database } from '@/db/client';
import { closeTransport } from '@/emails/transport';
import { resetEnvForTests } from '@/lib/env';
import type { StaffActor } from '@/lib/staff/staff-actor';
import { ZWebhookJob } from '@/lib/validation/webhook';
import { type DemoShop, useDemoShop, useTestSources } from './demo-shop';
import { independentHmacHex } from './independent-hmac';
import { closeSharedDatabase } from './shared-database';
import { type SmtpInbox, startSmtpInbox } from './smtp-inbox';
import { createStaffTeam } from './staff';
import { useWebhookHarness, type WebhookHarness } from './webhook-harness';

export type ProcessingRunSetup = {
  shop: DemoShop;
  sources: ReturnType<typeof useTestSources>;
  harness: WebhookHarness;
  /** Set before the file's tests run: read them inside tests only. */
  inbox: SmtpInbox;
  agent: StaffActor;
};

/**
 * For a file that sends corrections, opt-outs, restrictions or objections to its own sources: the
 * demo shop, sources only this file enables, a webhook receiver per test, an SMTP inbox the file's
 * emails go to, and an agent; all undone after the file.
 */
export function useProcessingRunSetup(db: Database): ProcessingRunSetup {
  const originalSmtpUrl = process.env.SMTP_URL;
  const setup = { shop: useDemoShop(), sources: useTestSources(db), harness: useWebhookHarness(db) } as ProcessingRunSetup;
  beforeAll(async () => {
    setup.inbox = await startSmtpInbox();
    process.env.SMTP_URL = setup.inbox.url;
    resetEnvForTests();
    ({ agent: setup.agent } = await createStaffTeam(db));
  });
  afterAll(async () => {
    closeTransport();
    process.env.SMTP_URL = originalSmtpUrl;
    resetEnvForTests();
    await setup.inbox?.stop();
    await closeSharedDatabase();
  });
  return setup;
}

/** Checks a webhook call's signature with an HMAC computed apart from the product's code, and parses its job. */
export async function signedJob(call: { headers: Record<string, unknown>; rawBody: string }, secret: string) {
  const timestamp = String(call.headers['x-dsr-desk-timestamp']);
  expect(call.headers['x-dsr-desk-signature']).toBe(`v1=${await independentHmacHex(secret, `${timestamp}.${call.rawBody}`)}`);
  return ZWebhookJob.parse(JSON.parse(call.rawBody));
}
