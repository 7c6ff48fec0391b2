import { describe, expect, it } from 'vitest';
import { previewProps as deadlineReminderPreview } from './deadline-reminder';
import { previewProps as deliveryFailureAlertPreview } from './delivery-failure-alert';
import { renderEmail } from './render-email';
import { previewProps as requestOverduePreview } from './request-overdue';
import { previewProps as staffInvitationPreview } from './staff-invitation';
import { previewProps as staffSignInPreview } from './staff-sign-in';

describe('staff-sign-in email', () => {
  it('says the link is single use, when it expires and what to do if you did not ask for it', async () => {
    const { text } = await renderEmail({ template: 'staff-sign-in', version: 1, props: staffSignInPreview });

    expect(text).toContain('The link expires in 15 minutes and works only once.');
    expect(text).toContain("If you didn't try to sign in, ignore this email");
  });

  it('writes one minute in the singular', async () => {
    const { text } = await renderEmail({
      template: 'staff-sign-in',
      version: 1,
      props: { ...staffSignInPreview, expiresInMinutes: 1 },
    });

    expect(text).toContain('The link expires in 1 minute and works only once.');
  });
});

describe('staff-invitation email', () => {
  it('names who invited you and your role', async () => {
    const { text } = await renderEmail({ template: 'staff-invitation', version: 1, props: staffInvitationPreview });

    expect(text).toContain('Invited by: Priya Raman');
    expect(text).toContain('Your role: Privacy agent');
  });
});

describe('deadline-reminder email', () => {
  it.each([
    { daysLeft: 2, subject: 'DSR-2026-000123 is due in 2 days' },
    { daysLeft: 1, subject: 'DSR-2026-000123 is due in 1 day' },
    { daysLeft: 0, subject: 'DSR-2026-000123 is due today' },
  ])('with $daysLeft days left has the subject "$subject"', async ({ daysLeft, subject }) => {
    const email = await renderEmail({
      template: 'deadline-reminder',
      version: 1,
      props: { ...deadlineReminderPreview, daysLeft },
    });

    expect(email.subject).toBe(subject);
  });

  it('writes the due date out in words', async () => {
    const { text } = await renderEmail({ template: 'deadline-reminder', version: 1, props: deadlineReminderPreview });

    expect(text).toContain('Due on: 25 December 2026');
  });
});

describe('request-overdue email', () => {
  it('names the assignee, or says nobody is assigned', async () => {
    const assigned = await renderEmail({ template: 'request-overdue', version: 1, props: requestOverduePreview });
    const unassigned = await renderEmail({
      template: 'request-overdue',
      version: 1,
      props: { ...requestOverduePreview, assigneeName: null },
    });

    expect(assigned.text).toContain('Assigned to: Tomás Alvarez');
    expect(unassigned.text).toContain('Assigned to: Nobody');
  });
});

describe('delivery-failure-alert email', () => {
  it('shows the template, the attempts and the last error', async () => {
    const { text } = await renderEmail({
      template: 'delivery-failure-alert',
      version: 1,
      props: deliveryFailureAlertPreview,
    });

    expect(text).toContain('Email: acknowledgement');
    expect(text).toContain('Attempts: 5');
    expect(text).toContain(`Last error: ${deliveryFailureAlertPreview.lastError}`);
  });

  it('leaves the reference and the request link out when the failing email was to a staff member', async () => {
    const email = await renderEmail({
      template: 'delivery-failure-alert',
      version: 1,
      props: { ...deliveryFailureAlertPreview, template: 'staff-sign-in', reference: null, requestUrl: null },
    });

    expect(email.subject).toBe('Email delivery keeps failing');
    expect(email.text).not.toContain('Reference:');
    expect(email.html).not.toContain('href=');
  });

  it('shows an error that quotes an address as text', async () => {
    const { html } = await renderEmail({
      template: 'delivery-failure-alert',
      version: 1,
      props: { ...deliveryFailureAlertPreview, lastError: '550 5.1.1 <ada@example.com>: Recipient address rejected' },
    });

    expect(html).toContain('550 5.1.1 &lt;ada@example.com&gt;: Recipient address rejected');
  });
});
