import { describe, expect, it } from 'vitest';
import { previewProps as deadlineExtendedPreview } from './deadline-extended';
import { previewProps as erasureConfirmedPreview } from './erasure-confirmed';
import { previewProps as informationRequestedPreview } from './information-requested';
import { renderEmail } from './render-email';
import { previewProps as requestFulfilledPreview } from './request-fulfilled';
import { previewProps as requestRejectedPreview } from './request-rejected';

describe('information-requested email', () => {
  it('keeps the line breaks of the staff message in both versions', async () => {
    const { html, text } = await renderEmail({
      template: 'information-requested',
      version: 1,
      props: { ...informationRequestedPreview, message: 'Line one\r\nLine two\n\n  \nA new paragraph' },
    });

    expect(html).toContain('Line one<br/>Line two</p>');
    expect(html).toMatch(/<p[^>]*>A new paragraph<\/p>/);
    expect(text).toContain('Line one\nLine two\n\nA new paragraph');
  });

  it('shows markup in the staff message as text', async () => {
    const { html } = await renderEmail({
      template: 'information-requested',
      version: 1,
      props: { ...informationRequestedPreview, message: 'Please send <a href="https://evil.example">your ID</a>' },
    });

    expect(html).toContain('Please send &lt;a href=&quot;https://evil.example&quot;&gt;your ID&lt;/a&gt;');
    expect(html).not.toContain('href="https://evil.example"');
  });

  it('asks the requester to reply on the status page', async () => {
    const { text } = await renderEmail({
      template: 'information-requested',
      version: 1,
      props: informationRequestedPreview,
    });

    expect(text).toContain(`Reply on my status page ${informationRequestedPreview.statusUrl}`);
  });

  it('says the deadline is paused only while the clock is stopped', async () => {
    const stopped = await renderEmail({
      template: 'information-requested',
      version: 1,
      props: informationRequestedPreview,
    });
    const running = await renderEmail({
      template: 'information-requested',
      version: 1,
      props: { ...informationRequestedPreview, isClockStopped: false },
    });

    expect(stopped.text).toContain('The deadline for our response is paused until you reply');
    expect(running.text).not.toContain('paused');
  });
});

describe('deadline-extended email', () => {
  it('cites the law that allows the extension and gives the new date and the reason', async () => {
    const { text } = await renderEmail({ template: 'deadline-extended', version: 1, props: deadlineExtendedPreview });

    expect(text).toContain('The law allows us to extend the deadline');
    expect(text).toContain('(GDPR Art. 12(3))');
    expect(text).toContain('Previous deadline: 25 December 2026');
    expect(text).toContain('We will now respond by: 25 February 2027');
    expect(text).toContain('Your request covers eight years of orders');
  });
});

describe('request-fulfilled email', () => {
  it('says how many files are ready and until when', async () => {
    const { text } = await renderEmail({ template: 'request-fulfilled', version: 1, props: requestFulfilledPreview });

    expect(text).toContain('3 files are ready to download from your status page until 8 January 2027.');
    expect(text).toContain(`Download my files ${requestFulfilledPreview.statusUrl}`);
  });

  it('counts a single file in the singular and leaves out an expiry it does not have', async () => {
    const { text } = await renderEmail({
      template: 'request-fulfilled',
      version: 1,
      props: { ...requestFulfilledPreview, attachmentCount: 1, downloadExpiresOn: null },
    });

    expect(text).toContain('1 file is ready to download from your status page.');
  });

  it('mentions no downloads when there are no files', async () => {
    const { text } = await renderEmail({
      template: 'request-fulfilled',
      version: 1,
      props: { ...requestFulfilledPreview, attachmentCount: 0, downloadExpiresOn: null },
    });

    expect(text).not.toMatch(/download/i);
    expect(text).toContain(`View my request ${requestFulfilledPreview.statusUrl}`);
  });
});

describe('request-rejected email', () => {
  it('gives the reason and the right to complain to a data protection authority', async () => {
    const { text } = await renderEmail({ template: 'request-rejected', version: 1, props: requestRejectedPreview });

    expect(text).toContain('Reason: We could not verify your identity');
    expect(text).toContain('We asked twice for the postcode on your account');
    expect(text).toContain('you have the right to complain to the data protection authority where you live');
  });

  it('renders without a message', async () => {
    const { text } = await renderEmail({
      template: 'request-rejected',
      version: 1,
      props: { ...requestRejectedPreview, message: null },
    });

    expect(text).toContain('Reason: We could not verify your identity');
    expect(text).not.toContain('We asked twice');
  });
});

describe('erasure-confirmed email', () => {
  it('lists each system with what was deleted, anonymised or kept, and the manual ones as confirmed by the team', async () => {
    const { html, text } = await renderEmail({ template: 'erasure-confirmed', version: 1, props: erasureConfirmedPreview });

    for (const version of [html, text]) {
      expect(version).toContain('Shop database');
      expect(version).toContain('Helpdesk');
      expect(version).toContain('Backups');
    }
    expect(text).toContain('customers: 1 record anonymised (kept without your personal details)');
    expect(text).toContain('addresses: 2 records deleted');
    expect(text).toContain('newsletter_subscriptions: nothing held');
    expect(text).toContain('invoices: 3 records kept: Tax law requires us to keep invoices for 6 years');
    expect(text).toContain('tickets: 4 records erased');
    expect(text).toContain('Erasure confirmed by our team.');
    expect(text).toContain(`View my request ${erasureConfirmedPreview.statusUrl}`);
  });

  it('refuses a payload without any system: a confirmation must say where the data was erased', async () => {
    await expect(
      renderEmail({ template: 'erasure-confirmed', version: 1, props: { ...erasureConfirmedPreview, systems: [] } }),
    ).rejects.toThrow();
  });
});
