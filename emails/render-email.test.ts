import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { previewProps as acknowledgementPreview } from './acknowledgement';
import { previewProps as cancellationPreview } from './cancellation';
import { renderEmail } from './render-email';
import { previewProps as statusLinkPreview } from './status-link';
import type { TEmailPayload } from './templates';
import { previewProps as verificationPreview } from './verification';

const previewPayloads = [
  { template: 'verification', version: 1, props: verificationPreview },
  { template: 'acknowledgement', version: 1, props: acknowledgementPreview },
  { template: 'status-link', version: 1, props: statusLinkPreview },
  { template: 'cancellation', version: 1, props: cancellationPreview },
] as const satisfies readonly TEmailPayload[];

describe.each(previewPayloads)('$template email', (payload) => {
  it('renders its preview props in the shared layout', async () => {
    const { html, text } = await renderEmail(payload);

    expect(html).toContain('<html dir="ltr" lang="en">');
    expect(html).toContain(payload.props.organisationName);
    expect(text).toContain(payload.props.requestTypeLabel);
    expect(text).toContain('You are receiving this because a privacy request was made with this address');
  });

  it('has a plain-text version without markup', async () => {
    const { text } = await renderEmail(payload);

    expect(text).not.toMatch(/<\/?[a-z!][^>]*>/i);
    expect(text).not.toContain('[if mso]');
  });
});

it.each([
  { payload: previewPayloads[0], subject: 'Confirm your privacy request' },
  { payload: previewPayloads[1], subject: 'We received your request DSR-2026-000123' },
  { payload: previewPayloads[2], subject: 'Your open request DSR-2026-000123' },
  { payload: previewPayloads[3], subject: 'Your request DSR-2026-000123 was cancelled' },
])('the $payload.template email has the subject "$subject"', async ({ payload, subject }) => {
  expect((await renderEmail(payload)).subject).toBe(subject);
});

it.each([
  { payload: previewPayloads[0], url: verificationPreview.verifyUrl },
  { payload: previewPayloads[1], url: acknowledgementPreview.statusUrl },
  { payload: previewPayloads[2], url: statusLinkPreview.statusUrl },
])('the $payload.template email links to its page and prints the full URL in text', async ({ payload, url }) => {
  const { html, text } = await renderEmail(payload);

  expect(html).toContain(`href="${url}"`);
  expect(text).toContain(url);
});

it.each([
  { payload: previewPayloads[1], reference: acknowledgementPreview.reference },
  { payload: previewPayloads[2], reference: statusLinkPreview.reference },
  { payload: previewPayloads[3], reference: cancellationPreview.reference },
])('the $payload.template email shows the reference in both versions', async ({ payload, reference }) => {
  const { html, text } = await renderEmail(payload);

  expect(html).toContain(reference);
  expect(text).toContain(reference);
});

describe('verification email', () => {
  it('tells the requester how long the link works', async () => {
    const day = await renderEmail(previewPayloads[0]);

    const oneHour = await renderEmail({
      template: 'verification',
      version: 1,
      props: { ...verificationPreview, expiresInHours: 1 },
    });

    expect(day.text).toContain('press “Confirm my request” within 24 hours.');
    expect(oneHour.text).toContain('press “Confirm my request” within 1 hour.');
  });
});

describe('acknowledgement email', () => {
  it('writes the received and due dates out in words', async () => {
    const { text } = await renderEmail({ template: 'acknowledgement', version: 1, props: acknowledgementPreview });

    expect(text).toContain('Received on: 25 November 2026');
    expect(text).toContain('We will respond by: 25 December 2026');
  });
});

describe('renderEmail', () => {
  it('escapes markup in props', async () => {
    const { html } = await renderEmail({
      template: 'cancellation',
      version: 1,
      props: { ...cancellationPreview, organisationName: 'Smith & <b>Jones</b>' },
    });

    expect(html).toContain('Smith &amp; &lt;b&gt;Jones&lt;/b&gt;');
    expect(html).not.toContain('<b>Jones</b>');
  });

  const invalidPayloads: Array<[string, unknown]> = [
    [
      'a verifyUrl that is not a URL',
      { ...verificationPayload(), props: { ...verificationPreview, verifyUrl: 'not a url' } },
    ],
    [
      'a javascript: link',
      { ...verificationPayload(), props: { ...verificationPreview, verifyUrl: 'javascript:alert(1)' } },
    ],
    ['an unknown prop', { ...verificationPayload(), props: { ...verificationPreview, firstName: 'Ada' } }],
    ['a missing prop', { ...verificationPayload(), props: { ...verificationPreview, expiresInHours: undefined } }],
    ['an unknown template', { ...verificationPayload(), template: 'welcome' }],
    ['an unknown version', { ...verificationPayload(), version: 2 }],
    [
      'a date that does not exist',
      { template: 'acknowledgement', version: 1, props: { ...acknowledgementPreview, dueOn: '2026-02-30' } },
    ],
    [
      'a line break that would reach the subject header',
      {
        template: 'cancellation',
        version: 1,
        props: { ...cancellationPreview, reference: 'DSR-1\r\nBcc: x@example.com' },
      },
    ],
  ];

  it.each(invalidPayloads)('rejects %s', async (_description, payload) => {
    await expect(renderEmail(payload as TEmailPayload)).rejects.toThrow(ZodError);
  });
});

function verificationPayload() {
  return { template: 'verification', version: 1, props: verificationPreview } as const;
}
