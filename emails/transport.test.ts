import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpInbox, startSmtpInbox } from '@/test/support/smtp-inbox';
import { closeTransport, getTransport, pooledSmtpUrl } from './transport';

let inbox: SmtpInbox;
beforeAll(async () => {
  inbox = await startSmtpInbox();
});
afterAll(async () => {
  closeTransport();
  await inbox.stop();
});

describe('the SMTP transport', () => {
  it('reuses a few pooled connections for many emails instead of one connection each', async () => {
    const transport = getTransport(inbox.url, { maxConnections: 3 });
    const send = (index: number) =>
      transport.sendMail({ from: 'desk@example.test', to: 'pool@example.test', subject: `pooled ${index}`, text: 'hello' });
    await Promise.all(Array.from({ length: 12 }, (_, index) => send(index)));
    for (let index = 12; index < 17; index += 1) await send(index);
    expect(await inbox.waitFor('pool@example.test', { count: 17 })).toHaveLength(17);
    expect(inbox.connectionCount()).toBeGreaterThanOrEqual(1);
    expect(inbox.connectionCount()).toBeLessThanOrEqual(3);
  });

  it('keeps pool options an operator put in SMTP_URL', () => {
    const url = new URL(pooledSmtpUrl('smtp://user:secret@mail.example.test:587?maxConnections=10', 5));
    expect(Object.fromEntries(url.searchParams)).toEqual({ maxConnections: '10', pool: 'true', maxMessages: '1000' });
    expect(url.username).toBe('user');
  });
});
