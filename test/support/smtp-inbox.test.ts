import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep } from './eventually';
import { type SmtpInbox, startSmtpInbox } from './smtp-inbox';

let inbox: SmtpInbox;
beforeAll(async () => {
  inbox = await startSmtpInbox();
});
afterAll(async () => {
  await inbox.stop();
});

function send(to: string, subject: string) {
  return nodemailer.createTransport(inbox.url).sendMail({ from: 'test@example.test', to, subject, text: subject });
}

describe('[test support] the SMTP inbox waits for silence before "exactly once" checks', () => {
  it('does not return while a second message is still on its way, so a duplicate is counted', async () => {
    await send('silence@example.test', 'first');
    const second = sleep(400).then(() => send('silence@example.test', 'second'));

    await inbox.waitForSilence({ quietMs: 800 });

    expect(inbox.messages.filter((mail) => mail.subject === 'first' || mail.subject === 'second')).toHaveLength(2);
    await second;
  });

  it('gives up when the inbox never goes quiet for long enough', async () => {
    await send('busy@example.test', 'busy start');
    const sending = (async () => {
      for (let index = 0; index < 6; index += 1) {
        await send('busy@example.test', `busy ${index}`);
        await sleep(100);
      }
    })();

    await expect(inbox.waitForSilence({ quietMs: 400, timeoutMs: 500 })).rejects.toThrow('never quiet');
    await sending;
  });
});
