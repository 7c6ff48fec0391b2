import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { previewProps as acknowledgementPreview } from './acknowledgement';
import { previewProps as appealDecidedPreview } from './appeal-decided';
import { previewProps as cancellationPreview } from './cancellation';
import { previewProps as deadlineExtendedPreview } from './deadline-extended';
import { previewProps as deadlineReminderPreview } from './deadline-reminder';
import { previewProps as deliveryFailureAlertPreview } from './delivery-failure-alert';
import { previewProps as erasureConfirmedPreview } from './erasure-confirmed';
import { previewProps as incidentClockPreview } from './incident-clock';
import { previewProps as processorCorrectionRequestPreview } from './processor-correction-request';
import { previewProps as processorErasureRequestPreview } from './processor-erasure-request';
import { previewProps as incidentNoticePreview } from './incident-notice';
import { previewProps as informationRequestedPreview } from './information-requested';
import { previewProps as optOutConfirmedPreview } from './opt-out-confirmed';
import { previewProps as correctionAppliedPreview } from './correction-applied';
import { previewProps as correctionDeclinedPreview } from './correction-declined';
import { previewProps as restrictionAppliedPreview } from './restriction-applied';
import { previewProps as objectionUpheldPreview } from './objection-upheld';
import { renderEmail, renderEmailDirectly } from './render-email';
import { previewProps as requestFulfilledPreview } from './request-fulfilled';
import { previewProps as copyReadyPreview } from './copy-ready';
import { previewProps as requestOverduePreview } from './request-overdue';
import { previewProps as requestRejectedPreview } from './request-rejected';
import { previewProps as requesterRepliedPreview } from './requester-replied';
import { previewProps as staffInvitationPreview } from './staff-invitation';
import { previewProps as staffSignInPreview } from './staff-sign-in';
import { previewProps as statusLinkPreview } from './status-link';
import { previewProps as statusLinksPreview } from './status-links';
import { type EmailTemplateName, type TEmailPayload, ZEmailPayload } from './templates';
import { previewProps as verificationPreview } from './verification';

// Keyed by every template name, so a new template without a preview payload here fails the type check.
const previews = {
  verification: { template: 'verification', version: 1, props: verificationPreview },
  acknowledgement: { template: 'acknowledgement', version: 1, props: acknowledgementPreview },
  'status-link': { template: 'status-link', version: 1, props: statusLinkPreview },
  'status-links': { template: 'status-links', version: 1, props: statusLinksPreview },
  cancellation: { template: 'cancellation', version: 1, props: cancellationPreview },
  'information-requested': { template: 'information-requested', version: 1, props: informationRequestedPreview },
  'deadline-extended': { template: 'deadline-extended', version: 1, props: deadlineExtendedPreview },
  'request-fulfilled': { template: 'request-fulfilled', version: 1, props: requestFulfilledPreview },
  'copy-ready': { template: 'copy-ready', version: 1, props: copyReadyPreview },
  'request-rejected': { template: 'request-rejected', version: 1, props: requestRejectedPreview },
  'erasure-confirmed': { template: 'erasure-confirmed', version: 1, props: erasureConfirmedPreview },
  'staff-sign-in': { template: 'staff-sign-in', version: 1, props: staffSignInPreview },
  'staff-invitation': { template: 'staff-invitation', version: 1, props: staffInvitationPreview },
  'deadline-reminder': { template: 'deadline-reminder', version: 1, props: deadlineReminderPreview },
  'requester-replied': { template: 'requester-replied', version: 1, props: requesterRepliedPreview },
  'request-overdue': { template: 'request-overdue', version: 1, props: requestOverduePreview },
  'delivery-failure-alert': { template: 'delivery-failure-alert', version: 1, props: deliveryFailureAlertPreview },
  'appeal-decided': { template: 'appeal-decided', version: 1, props: appealDecidedPreview },
  'incident-clock': { template: 'incident-clock', version: 1, props: incidentClockPreview },
  'opt-out-confirmed': { template: 'opt-out-confirmed', version: 1, props: optOutConfirmedPreview },
  'correction-applied': { template: 'correction-applied', version: 1, props: correctionAppliedPreview },
  'correction-declined': { template: 'correction-declined', version: 1, props: correctionDeclinedPreview },
  'restriction-applied': { template: 'restriction-applied', version: 1, props: restrictionAppliedPreview },
  'objection-upheld': { template: 'objection-upheld', version: 1, props: objectionUpheldPreview },
  'processor-erasure-request': { template: 'processor-erasure-request', version: 1, props: processorErasureRequestPreview },
  'processor-correction-request': { template: 'processor-correction-request', version: 1, props: processorCorrectionRequestPreview },
  'incident-notice': { template: 'incident-notice', version: 1, props: incidentNoticePreview },
} as const satisfies { [N in EmailTemplateName]: Extract<TEmailPayload, { template: N }> };

const requesterPayloads = [
  previews.verification,
  previews.acknowledgement,
  previews['status-link'],
  previews.cancellation,
  previews['information-requested'],
  previews['deadline-extended'],
  previews['request-fulfilled'],
  previews['copy-ready'],
  previews['request-rejected'],
  previews['erasure-confirmed'],
  previews['appeal-decided'],
  previews['opt-out-confirmed'],
  previews['correction-applied'],
  previews['correction-declined'],
  previews['restriction-applied'],
  previews['objection-upheld'],
];

const staffPayloads = [
  previews['staff-sign-in'],
  previews['staff-invitation'],
  previews['deadline-reminder'],
  previews['requester-replied'],
  previews['request-overdue'],
  previews['delivery-failure-alert'],
  previews['incident-clock'],
];

const requesterFooter = 'You are receiving this because a privacy request was made with this address';

describe.each(Object.values(previews))('$template email', (payload) => {
  it('renders its preview props in the shared layout', async () => {
    const { html, text } = await renderEmail(payload);

    expect(html).toContain('<html dir="ltr" lang="en">');
    expect(html).toContain(payload.props.organisationName);
    expect(text).toContain(payload.props.organisationName);
  });

  it('has a plain-text version without markup', async () => {
    const { text } = await renderEmail(payload);

    expect(text).not.toMatch(/<\/?[a-z!][^>]*>/i);
    expect(text).not.toContain('[if mso]');
  });
});

describe.each(requesterPayloads)('$template email to the requester', (payload) => {
  it('names the request and says why the requester got it', async () => {
    const { text } = await renderEmail(payload);

    expect(text).toContain(payload.props.requestTypeLabel);
    expect(text).toContain(requesterFooter);
  });
});

describe.each(staffPayloads)('$template email to staff', (payload) => {
  it('says why a staff member got it, not that they made a privacy request', async () => {
    const { text } = await renderEmail(payload);

    expect(text).toContain('You are receiving this because');
    expect(text).toContain('privacy desk');
    expect(text).not.toContain(requesterFooter);
  });
});

it.each([
  { payload: previews.verification, subject: 'Confirm your privacy request' },
  { payload: previews.acknowledgement, subject: 'We received your request DSR-2026-000123' },
  { payload: previews['status-link'], subject: 'Your open request DSR-2026-000123' },
  { payload: previews.cancellation, subject: 'Your request DSR-2026-000123 was cancelled' },
  { payload: previews['information-requested'], subject: 'We need more information about DSR-2026-000123' },
  { payload: previews['deadline-extended'], subject: 'We need more time for DSR-2026-000123' },
  { payload: previews['request-fulfilled'], subject: 'Your request DSR-2026-000123 is complete' },
  { payload: previews['copy-ready'], subject: 'A copy of your data is ready before we erase it (DSR-2026-000123)' },
  { payload: previews['request-rejected'], subject: 'Update on your request DSR-2026-000123' },
  { payload: previews['erasure-confirmed'], subject: 'Your personal data has been erased (DSR-2026-000123)' },
  { payload: previews['correction-applied'], subject: 'We have corrected your data (DSR-2026-000123)' },
  { payload: previews['correction-declined'], subject: 'We have not changed your data (DSR-2026-000123)' },
  { payload: previews['objection-upheld'], subject: 'We have stopped using your data as you asked (DSR-2026-000123)' },
  { payload: previews['opt-out-confirmed'], subject: 'Your opt-out DSR-2026-000123 is done' },
  { payload: previews['restriction-applied'], subject: 'We have restricted the use of your data (DSR-2026-000123)' },
  { payload: previews['staff-sign-in'], subject: 'Sign in to Northwind Outdoor Ltd privacy desk' },
  { payload: previews['staff-invitation'], subject: 'You have been invited to the Northwind Outdoor Ltd privacy desk' },
  { payload: previews['deadline-reminder'], subject: 'DSR-2026-000123 is due in 7 days' },
  { payload: previews['requester-replied'], subject: 'The requester replied on DSR-2026-000123' },
  { payload: previews['request-overdue'], subject: 'Overdue: DSR-2026-000123 was due 25 December 2026' },
  { payload: previews['delivery-failure-alert'], subject: 'Email delivery keeps failing for DSR-2026-000123' },
  { payload: previews['incident-clock'], subject: '24 hours left to notify the regulator of INC-2026-0007' },
])('the $payload.template email has the subject "$subject"', async ({ payload, subject }) => {
  expect((await renderEmail(payload)).subject).toBe(subject);
});

it.each([
  { payload: previews.verification, url: verificationPreview.verifyUrl },
  { payload: previews.acknowledgement, url: acknowledgementPreview.statusUrl },
  { payload: previews['status-link'], url: statusLinkPreview.statusUrl },
  { payload: previews['information-requested'], url: informationRequestedPreview.statusUrl },
  { payload: previews['deadline-extended'], url: deadlineExtendedPreview.statusUrl },
  { payload: previews['request-fulfilled'], url: requestFulfilledPreview.statusUrl },
  { payload: previews['copy-ready'], url: copyReadyPreview.statusUrl },
  { payload: previews['request-rejected'], url: requestRejectedPreview.statusUrl },
  { payload: previews['erasure-confirmed'], url: erasureConfirmedPreview.statusUrl },
  { payload: previews['staff-sign-in'], url: staffSignInPreview.signInUrl },
  { payload: previews['staff-invitation'], url: staffInvitationPreview.signInUrl },
  { payload: previews['deadline-reminder'], url: deadlineReminderPreview.requestUrl },
  { payload: previews['requester-replied'], url: requesterRepliedPreview.requestUrl },
  { payload: previews['request-overdue'], url: requestOverduePreview.requestUrl },
  { payload: previews['delivery-failure-alert'], url: deliveryFailureAlertPreview.requestUrl },
  { payload: previews['incident-clock'], url: incidentClockPreview.incidentUrl },
  { payload: previews['processor-erasure-request'], url: processorErasureRequestPreview.answerUrl },
  { payload: previews['processor-correction-request'], url: processorCorrectionRequestPreview.answerUrl },
])('the $payload.template email links to its page and prints the full URL in text', async ({ payload, url }) => {
  const { html, text } = await renderEmail(payload);

  // The sign-in link has a query string; in an HTML attribute its `&` is correctly written `&amp;`.
  expect(html).toContain(`href="${url.replaceAll('&', '&amp;')}"`);
  expect(text).toContain(url);
});

it.each([
  { payload: previews.acknowledgement, reference: acknowledgementPreview.reference },
  { payload: previews['status-link'], reference: statusLinkPreview.reference },
  { payload: previews.cancellation, reference: cancellationPreview.reference },
  { payload: previews['information-requested'], reference: informationRequestedPreview.reference },
  { payload: previews['deadline-extended'], reference: deadlineExtendedPreview.reference },
  { payload: previews['request-fulfilled'], reference: requestFulfilledPreview.reference },
  { payload: previews['request-rejected'], reference: requestRejectedPreview.reference },
  { payload: previews['erasure-confirmed'], reference: erasureConfirmedPreview.reference },
  { payload: previews['deadline-reminder'], reference: deadlineReminderPreview.reference },
  { payload: previews['requester-replied'], reference: requesterRepliedPreview.reference },
  { payload: previews['request-overdue'], reference: requestOverduePreview.reference },
  { payload: previews['delivery-failure-alert'], reference: deliveryFailureAlertPreview.reference },
])('the $payload.template email shows the reference in both versions', async ({ payload, reference }) => {
  const { html, text } = await renderEmail(payload);

  expect(html).toContain(reference);
  expect(text).toContain(reference);
});

describe('status-links email', () => {
  it('lists every request with its reference, status and its own link, and says why the requester got it', async () => {
    const { subject, html, text } = await renderEmail(previews['status-links']);

    expect(subject).toBe('The links to your 2 requests');
    for (const request of statusLinksPreview.requests) {
      expect(text).toContain(request.reference);
      expect(text).toContain(request.statusLabel);
      expect(text).toContain(request.statusUrl);
      expect(html).toContain(`href="${request.statusUrl}"`);
    }
    expect(text).toContain(requesterFooter);
  });

  it('speaks of one link when there is one request', async () => {
    const one = { ...statusLinksPreview, requests: statusLinksPreview.requests.slice(0, 1) };
    const { subject } = await renderEmail({ template: 'status-links', version: 1, props: one });
    expect(subject).toBe('The link to your request DSR-2026-000123');
  });
});

describe('the organisation contact line', () => {
  it('names the privacy team’s address and links the privacy notice in every email, when set', async () => {
    const contact = { contactEmail: 'privacy@northwind.example', privacyNoticeUrl: 'https://northwind.example/privacy' };
    for (const payload of Object.values(previews)) {
      const { html, text } = await renderEmail(payload, contact);
      expect(text).toContain('privacy@northwind.example');
      expect(html).toContain('href="mailto:privacy@northwind.example"');
      expect(html).toContain('href="https://northwind.example/privacy"');
    }
  });

  it('is left out when the organisation has set neither', async () => {
    const { text } = await renderEmail(previews.acknowledgement);
    expect(text).not.toContain('Questions or complaints');
    expect(text).not.toContain('privacy notice');
  });
});

describe('verification email', () => {
  it('tells the requester how long the link works', async () => {
    const day = await renderEmail(previews.verification);

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
    ['a verifyUrl that is not a URL', { ...verificationPayload(), props: { ...verificationPreview, verifyUrl: 'not a url' } }],
    ['a javascript: link', { ...verificationPayload(), props: { ...verificationPreview, verifyUrl: 'javascript:alert(1)' } }],
    ['an unknown prop', { ...verificationPayload(), props: { ...verificationPreview, firstName: 'Ada' } }],
    ['a missing prop', { ...verificationPayload(), props: { ...verificationPreview, expiresInHours: undefined } }],
    ['an unknown template', { ...verificationPayload(), template: 'welcome' }],
    ['an unknown version', { ...verificationPayload(), version: 2 }],
    ['a date that does not exist', { template: 'acknowledgement', version: 1, props: { ...acknowledgementPreview, dueOn: '2026-02-30' } }],
    [
      'a line break that would reach the subject header',
      {
        template: 'cancellation',
        version: 1,
        props: { ...cancellationPreview, reference: 'DSR-1\r\nBcc: x@example.com' },
      },
    ],
    ['a sign-in link that has already expired', { ...previews['staff-sign-in'], props: { ...staffSignInPreview, expiresInMinutes: 0 } }],
    [
      'a sign-in link to another scheme',
      { ...previews['staff-sign-in'], props: { ...staffSignInPreview, signInUrl: 'data:text/html,<h1>Sign in</h1>' } },
    ],
    ['an invitation without a role', { ...previews['staff-invitation'], props: { ...staffInvitationPreview, roleLabel: '   ' } }],
    [
      'a staff message that is only whitespace',
      { ...previews['information-requested'], props: { ...informationRequestedPreview, message: ' \n\n ' } },
    ],
    [
      'a staff message over 5000 characters',
      { ...previews['information-requested'], props: { ...informationRequestedPreview, message: 'a'.repeat(5001) } },
    ],
    [
      'a clock-stopped flag that is not a boolean',
      { ...previews['information-requested'], props: { ...informationRequestedPreview, isClockStopped: 'yes' } },
    ],
    [
      'an extension to a month that does not exist',
      { ...previews['deadline-extended'], props: { ...deadlineExtendedPreview, newDueOn: '2027-13-01' } },
    ],
    [
      'a legal basis over two lines',
      { ...previews['deadline-extended'], props: { ...deadlineExtendedPreview, legalBasis: 'GDPR\nArt. 12(3)' } },
    ],
    ['a negative attachment count', { ...previews['request-fulfilled'], props: { ...requestFulfilledPreview, attachmentCount: -1 } }],
    ['a fractional attachment count', { ...previews['request-fulfilled'], props: { ...requestFulfilledPreview, attachmentCount: 1.5 } }],
    [
      'a rejection that leaves out the message instead of passing null',
      { ...previews['request-rejected'], props: { ...requestRejectedPreview, message: undefined } },
    ],
    ['a rejection with an empty message', { ...previews['request-rejected'], props: { ...requestRejectedPreview, message: '' } }],
    ['a reminder with negative days left', { ...previews['deadline-reminder'], props: { ...deadlineReminderPreview, daysLeft: -1 } }],
    [
      'an overdue alert with a date in another format',
      { ...previews['request-overdue'], props: { ...requestOverduePreview, dueOn: '25/12/2026' } },
    ],
    [
      'a delivery error over several lines',
      {
        ...previews['delivery-failure-alert'],
        props: { ...deliveryFailureAlertPreview, lastError: '421 Service not available\r\nclosing channel' },
      },
    ],
    [
      'a delivery error longer than 200 characters',
      { ...previews['delivery-failure-alert'], props: { ...deliveryFailureAlertPreview, lastError: 'x'.repeat(201) } },
    ],
  ];

  it.each(invalidPayloads)('rejects %s', async (_description, payload) => {
    await expect(renderEmail(payload as TEmailPayload)).rejects.toThrow(ZodError);
  });
});

function verificationPayload() {
  return { template: 'verification', version: 1, props: verificationPreview } as const;
}

/** Every text value changed in turn where the template's schema still accepts it: names with quotes and ampersands, longer references. */
function withOtherValues(payload: TEmailPayload): TEmailPayload {
  let current = structuredClone(payload) as TEmailPayload;
  const variants = (value: string) => [`${value} & <Sons> "O'Brien"`, `${value}-2`, value.replace(/\d/g, '7')];
  const paths: (string | number)[][] = [];
  const collect = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string' && value !== '') paths.push(path);
    else if (Array.isArray(value)) for (const [index, item] of value.entries()) collect(item, [...path, index]);
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) collect(item, [...path, key]);
  };
  collect(current.props, ['props']);
  for (const path of paths) {
    // biome-ignore lint/suspicious/noExplicitAny: walks arbitrary JSON props by a path collected above
    const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], current);
    const original = parent[path.at(-1)!] as string;
    for (const variant of variants(original)) {
      parent[path.at(-1)!] = variant;
      if (ZEmailPayload.safeParse(current).success) break;
      parent[path.at(-1)!] = original;
    }
  }
  current = ZEmailPayload.parse(current);
  return current;
}

describe('rendering from the per-template cache', () => {
  it.each(Object.values(previews))('the $template email is byte for byte what React renders, for other values too', async (payload) => {
    await renderEmail(payload);
    const other = withOtherValues(payload);
    expect(await renderEmail(other)).toEqual(await renderEmailDirectly(other.template, other.props));
    expect(await renderEmail(payload)).toEqual(await renderEmailDirectly(payload.template, payload.props));
  });

  it('renders a message of several paragraphs with React rather than substituting it', async () => {
    const payload = previews['information-requested'];
    const reworded = { ...payload, props: { ...payload.props, message: 'First paragraph.\n\nSecond paragraph,\nwith a second line.' } };
    await renderEmail(reworded);
    const rendered = await renderEmail(reworded);
    expect(rendered).toEqual(await renderEmailDirectly(reworded.template, reworded.props));
    expect(rendered.html).toContain('Second paragraph,');
  });
});

describe('the processor correction notice (Art. 19)', () => {
  it('[processor] reads what to correct, in English by default and in each language the app has', async () => {
    const english = await renderEmail({ template: 'processor-correction-request', version: 1, props: processorCorrectionRequestPreview });
    expect(english.subject).toBe('Correction request from Northwind Outdoor Ltd (DSR-2026-000123)');
    expect(english.text).toContain('My surname is Lovelace, not Lovelance.');
    expect(english.text).toContain('we ask you to make the same correction (GDPR Article 19)');
    const reminder = await renderEmail({
      template: 'processor-correction-request',
      version: 1,
      props: { ...processorCorrectionRequestPreview, isReminder: true },
    });
    expect(reminder.subject).toBe('Reminder: Correction request from Northwind Outdoor Ltd (DSR-2026-000123)');
    expect(reminder.text).toContain('We have not yet heard back about this request.');
    for (const [locale, words] of [
      ['de', 'Berichtigungsersuchen von Northwind Outdoor Ltd'],
      ['es', 'Solicitud de rectificación de Northwind Outdoor Ltd'],
      ['fr', 'Demande de rectification de Northwind Outdoor Ltd'],
      ['pt-BR', 'Pedido de correção de Northwind Outdoor Ltd'],
    ] as const) {
      const rendered = await renderEmail({
        template: 'processor-correction-request',
        version: 1,
        locale,
        props: processorCorrectionRequestPreview,
      });
      expect(rendered.subject).toContain(words);
      expect(rendered.text).toContain('My surname is Lovelace, not Lovelance.');
      expect(rendered.text).toContain(processorCorrectionRequestPreview.answerUrl);
    }
  });
});
