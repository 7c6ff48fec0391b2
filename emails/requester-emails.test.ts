import { describe, expect, it } from 'vitest';
import { previewProps as correctionAppliedPreview } from './correction-applied';
import { previewProps as correctionDeclinedPreview } from './correction-declined';
import { previewProps as deadlineExtendedPreview } from './deadline-extended';
import { previewProps as erasureConfirmedPreview } from './erasure-confirmed';
import { previewProps as informationRequestedPreview } from './information-requested';
import { previewProps as objectionUpheldPreview } from './objection-upheld';
import { previewProps as optOutConfirmedPreview } from './opt-out-confirmed';
import { renderEmail } from './render-email';
import { previewProps as requestFulfilledPreview } from './request-fulfilled';
import { previewProps as requestRejectedPreview } from './request-rejected';
import { previewProps as restrictionAppliedPreview } from './restriction-applied';
import type { TEmailPayload } from './templates';

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

describe('the requester emails in the request’s language', () => {
  const german = [
    {
      template: 'erasure-confirmed',
      props: erasureConfirmedPreview,
      subject: 'Ihre personenbezogenen Daten wurden gelöscht (DSR-2026-000123)',
      sentences: [
        'Northwind Outdoor Ltd hat Ihre Anfrage, Ihre personenbezogenen Daten zu löschen, abgeschlossen.',
        'Was wir in jedem unserer Systeme getan haben, in denen Ihre Daten gespeichert sein könnten:',
        'Löschung von unserem Team bestätigt.',
      ],
    },
    {
      template: 'correction-applied',
      props: correctionAppliedPreview,
      subject: 'Wir haben Ihre Daten berichtigt (DSR-2026-000123)',
      sentences: ['Northwind Outdoor Ltd hat die personenbezogenen Daten berichtigt, die Ihrer Mitteilung nach falsch waren.'],
    },
    {
      template: 'correction-declined',
      props: correctionDeclinedPreview,
      subject: 'Wir haben Ihre Daten nicht geändert (DSR-2026-000123)',
      sentences: [
        'Northwind Outdoor Ltd hat Ihre Anfrage auf Berichtigung geprüft und die über Sie gespeicherten Daten nicht geändert.',
        'eine kurze schriftliche Stellungnahme (bis zu 250 Wörter)',
        'Sie können bis zum 15. Februar 2027 Widerspruch gegen diese Entscheidung einlegen',
        'das Recht, sich bei der Datenschutzaufsichtsbehörde an Ihrem Wohn- oder Arbeitsort zu beschweren',
      ],
    },
    {
      template: 'objection-upheld',
      props: objectionUpheldPreview,
      subject: 'Wir verwenden Ihre Daten wie gewünscht nicht mehr (DSR-2026-000123)',
      sentences: [
        'Northwind Outdoor Ltd hat Ihrem Widerspruch stattgegeben und verwendet Ihre personenbezogenen Daten nicht mehr für den Zweck, dem Sie widersprochen haben.',
      ],
    },
    {
      template: 'opt-out-confirmed',
      props: optOutConfirmedPreview,
      subject: 'Ihr Opt-out DSR-2026-000123 ist umgesetzt',
      sentences: [
        'Northwind Outdoor Ltd hat Ihr Opt-out umgesetzt.',
        'Wir verkaufen Ihre personenbezogenen Informationen nicht mehr und geben sie nicht mehr weiter.',
        'Umgesetzt haben wir es in: Shop database, Advertising partners (checklist).',
        'Sie können es sich jederzeit anders überlegen',
      ],
    },
    {
      template: 'restriction-applied',
      props: restrictionAppliedPreview,
      subject: 'Wir haben die Verarbeitung Ihrer Daten eingeschränkt (DSR-2026-000123)',
      sentences: [
        'Northwind Outdoor Ltd hat die Verarbeitung Ihrer personenbezogenen Daten eingeschränkt: Wir bewahren sie auf',
        'Wir informieren Sie, bevor wir die Einschränkung aufheben.',
      ],
    },
  ] as const;

  it.each(german)(
    '[requester] the $template email is written in German for a German request',
    async ({ template, props, subject, sentences }) => {
      const rendered = await renderEmail({ template, version: 1, locale: 'de', props } as TEmailPayload);

      expect(rendered.subject).toBe(subject);
      expect(rendered.html).toContain('lang="de"');
      for (const sentence of sentences) expect(rendered.text).toContain(sentence);
      expect(rendered.text).toContain('Aktenzeichen: DSR-2026-000123');
      expect(rendered.text).toContain(`Meine Anfrage ansehen ${props.statusUrl}`);
      expect(rendered.text).toContain('Sie erhalten diese E-Mail, weil');
      expect(rendered.text).not.toContain('View my request');
      expect(rendered.text).not.toContain('Reference:');
      // The second render comes from the per-template cache: it must read the same in German.
      expect(await renderEmail({ template, version: 1, locale: 'de', props } as TEmailPayload)).toEqual(rendered);
    },
  );

  it('[requester] the line under the button, for when it does not work, is in German too (HTML only: the plain text prints the link)', async () => {
    const german = await renderEmail({ template: 'opt-out-confirmed', version: 1, locale: 'de', props: optOutConfirmedPreview });
    expect(german.html).toContain('Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:');
    expect(german.html).not.toContain('copy this link');
    expect(german.text).not.toContain('Falls die Schaltfläche');
    const english = await renderEmail({ template: 'opt-out-confirmed', version: 1, props: optOutConfirmedPreview });
    expect(english.html).toContain('If the button doesn’t work, copy this link into your browser:');
  });

  it('[requester] each opt-out says in German what it stops', async () => {
    const outcomes = {
      opt_out_sale: 'Wir verkaufen Ihre personenbezogenen Informationen nicht mehr und geben sie nicht mehr weiter.',
      opt_out_targeted_ads: 'Wir verwenden Ihre personenbezogenen Informationen nicht mehr, um Ihnen gezielte Werbung anzuzeigen.',
      limit_sensitive:
        'Wir verwenden Ihre sensiblen personenbezogenen Informationen nur noch, soweit es für die von Ihnen gewünschten Leistungen nötig ist.',
      marketing_unsubscribe: 'Wir senden Ihnen keine Werbung mehr.',
    } as const;
    for (const [optOut, sentence] of Object.entries(outcomes)) {
      const { text } = await renderEmail({
        template: 'opt-out-confirmed',
        version: 1,
        locale: 'de',
        props: { ...optOutConfirmedPreview, optOut: optOut as keyof typeof outcomes },
      });
      expect(text).toContain(sentence);
    }
  });

  /** One system whose tables hold `rows` records each, one table per action (and one that was kept for a reason). */
  const countedErasure = (rows: number) => ({
    ...erasureConfirmedPreview,
    backupsExpireOn: '2027-03-01',
    systems: [
      {
        name: 'Shop database',
        isConfirmedByTeam: false,
        provenAt: '2026-06-02T10:15:00.000Z',
        tables: [
          { table: 'addresses', action: 'deleted' as const, rows, reason: null },
          { table: 'orders', action: 'anonymised' as const, rows, reason: null },
          { table: 'carts', action: 'kept' as const, rows, reason: null },
          { table: 'invoices', action: 'kept' as const, rows, reason: 'Tax law requires us to keep invoices for 6 years' },
          { table: 'tickets', action: 'erased' as const, rows, reason: null },
        ],
      },
    ],
  });

  it.each([
    {
      locale: 'de' as const,
      one: [
        'addresses: 1 Datensatz gelöscht',
        'orders: 1 Datensatz anonymisiert (ohne Ihre personenbezogenen Daten aufbewahrt)',
        'carts: 1 Datensatz aufbewahrt',
        'invoices: 1 Datensatz aufbewahrt: Tax law requires us',
        'tickets: 1 Datensatz entfernt',
      ],
      two: [
        'addresses: 2 Datensätze gelöscht',
        'orders: 2 Datensätze anonymisiert (ohne Ihre personenbezogenen Daten aufbewahrt)',
        'carts: 2 Datensätze aufbewahrt',
        'invoices: 2 Datensätze aufbewahrt: Tax law requires us',
        'tickets: 2 Datensätze entfernt',
      ],
      dates: [
        'Am 2. Juni 2026 erneut geprüft: Es wurden keine Ihrer personenbezogenen Daten mehr gefunden',
        'Kopien Ihrer Daten können bis zum 1. März 2027, an dem die letzte von ihnen abläuft, in unseren Sicherungskopien verbleiben.',
      ],
    },
    {
      locale: 'en' as const,
      one: [
        'addresses: 1 record deleted',
        'orders: 1 record anonymised (kept without your personal details)',
        'carts: 1 record kept',
        'invoices: 1 record kept: Tax law requires us',
        'tickets: 1 record erased',
      ],
      two: [
        'addresses: 2 records deleted',
        'orders: 2 records anonymised (kept without your personal details)',
        'carts: 2 records kept',
        'invoices: 2 records kept: Tax law requires us',
        'tickets: 2 records erased',
      ],
      dates: [
        'Checked again on 2 June 2026: none of your personal details were found',
        'Copies of your data may remain in our backups until 1 March 2027, when the last of them expires.',
      ],
    },
  ])(
    '[requester] the erasure email in $locale counts one record and two records in the right plural and writes dates out',
    async ({ locale, one, two, dates }) => {
      const single = await renderEmail({ template: 'erasure-confirmed', version: 1, locale, props: countedErasure(1) });
      const double = await renderEmail({ template: 'erasure-confirmed', version: 1, locale, props: countedErasure(2) });

      for (const line of one) expect(single.text).toContain(line);
      for (const line of two) expect(double.text).toContain(line);
      for (const line of dates) expect(single.text).toContain(line);
    },
  );

  it('[requester] the erasure email in French puts the thin space before the colon and agrees the participle with the count', async () => {
    const { text } = await renderEmail({ template: 'erasure-confirmed', version: 1, locale: 'fr', props: countedErasure(2) });

    expect(text).toContain('addresses : 2 enregistrements supprimés');
    expect(text).toContain('orders : 2 enregistrements anonymisés (conservés sans vos données personnelles)');
  });
});
