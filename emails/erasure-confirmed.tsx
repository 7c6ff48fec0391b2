import { Section, Text } from '@react-email/components';
import type { CSSProperties } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { z } from 'zod';
import { formatCalendarDateIn } from '@/lib/i18n/format-date';
import type { Locale } from '@/lib/i18n/locales';
import type { Translator } from '@/lib/i18n/translator';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { MessageText } from './components/message-text';
import { ZCalendarDate, ZLinkUrl, ZMessageText, ZSingleLineText } from './fields';

/** What erasure did to one table of one system: counts and the action, never the rows. */
export const ZErasedTable = z.strictObject({
  table: ZSingleLineText,
  /** deleted / anonymised / kept come from the source's map; `erased` is a system that reports counts without saying how. */
  action: z.enum(['deleted', 'anonymised', 'kept', 'erased']),
  rows: z.number().int().nonnegative(),
  /** Why rows were kept (the map's reason), shown to the requester. */
  reason: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .regex(/^[^\r\n]*$/, 'Must be a single line')
    .nullable(),
});

export const ZErasedSystem = z.strictObject({
  name: ZSingleLineText,
  /** A system with no API (backups, paper files): an agent did or checked it and confirmed it. */
  isConfirmedByTeam: z.boolean(),
  /** A processor we told (GDPR Art. 19) that confirmed the erasure itself, or that it held nothing. */
  isConfirmedByRecipient: z.boolean().optional(),
  tables: z.array(ZErasedTable).max(500),
  /** When the system was queried again after erasing and nothing of the person's was left but masked or kept rows (the proof). */
  provenAt: z.iso.datetime().nullable().optional(),
});

export const ZErasureConfirmedEmailProps = z.strictObject({
  organisationName: ZSingleLineText,
  reference: ZSingleLineText,
  requestTypeLabel: ZSingleLineText,
  statusUrl: ZLinkUrl,
  systems: z.array(ZErasedSystem).min(1).max(100),
  /** The agent's own words, written when they started the erasure; payloads queued before it existed lack it. */
  message: ZMessageText.optional(),
  /** When the last backup that may still hold the data expires (a backup source's retention); absent without one. */
  backupsExpireOn: ZCalendarDate.optional(),
});

export type TErasedSystem = z.infer<typeof ZErasedSystem>;
export type TErasedTable = z.infer<typeof ZErasedTable>;
export type TErasureConfirmedEmailProps = z.infer<typeof ZErasureConfirmedEmailProps>;

export const previewProps = {
  organisationName: 'Northwind Outdoor Ltd',
  reference: 'DSR-2026-000123',
  requestTypeLabel: 'Deletion — erase my personal data',
  statusUrl: 'https://privacy.example.com/status/Hs7pK2mQ9xVt4RcL0eWz',
  systems: [
    {
      name: 'Shop database',
      isConfirmedByTeam: false,
      provenAt: '2026-06-02T10:15:00.000Z',
      tables: [
        { table: 'customers', action: 'anonymised', rows: 1, reason: null },
        { table: 'addresses', action: 'deleted', rows: 2, reason: null },
        { table: 'orders', action: 'anonymised', rows: 14, reason: null },
        { table: 'newsletter_subscriptions', action: 'deleted', rows: 0, reason: null },
        { table: 'invoices', action: 'kept', rows: 3, reason: 'Tax law requires us to keep invoices for 6 years' },
      ],
    },
    { name: 'Helpdesk', isConfirmedByTeam: false, tables: [{ table: 'tickets', action: 'erased', rows: 4, reason: null }] },
    { name: 'Backups', isConfirmedByTeam: true, tables: [] },
  ],
} satisfies TErasureConfirmedEmailProps;

export function subject({ reference }: TErasureConfirmedEmailProps, t: Translator): string {
  return t('emails.erasureConfirmed.subject', { reference });
}

type EmailsTranslator = ReturnType<typeof useTranslations<'emails'>>;

export function ErasureConfirmedEmail({
  organisationName,
  reference,
  requestTypeLabel,
  statusUrl,
  systems,
  message,
  backupsExpireOn,
}: TErasureConfirmedEmailProps) {
  const t = useTranslations('emails');
  const locale = useLocale() as Locale;
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={t('erasureConfirmed.preview', { organisationName, reference })}
      heading={t('erasureConfirmed.heading')}
    >
      <Paragraph>{t('erasureConfirmed.intro', { organisationName })}</Paragraph>
      <DetailList
        details={[
          { label: t('details.reference'), value: reference },
          { label: t('details.request'), value: requestTypeLabel },
        ]}
      />
      {message ? <MessageText text={message} /> : null}
      <Paragraph>{t('erasureConfirmed.systemsIntro')}</Paragraph>
      {systems.map((system) => (
        <Section key={system.name} style={systemStyle}>
          <Text style={systemNameStyle}>
            <strong>{system.name}</strong>
          </Text>
          {system.isConfirmedByTeam ? (
            <Text style={lineStyle}>{t('erasureConfirmed.confirmedByTeam')}</Text>
          ) : system.isConfirmedByRecipient ? (
            <Text style={lineStyle}>{t('erasureConfirmed.confirmedByRecipient')}</Text>
          ) : system.tables.length === 0 ? (
            <Text style={lineStyle}>{t('erasureConfirmed.noCounts')}</Text>
          ) : (
            system.tables.map((table) => (
              <Text key={table.table} style={lineStyle}>
                {t('erasureConfirmed.tableLine', { table: table.table, outcome: describeTable(t, table) })}
              </Text>
            ))
          )}
          {system.provenAt ? (
            // The day (UTC) of the proof's moment, written the way the request's language writes dates.
            <Text style={lineStyle}>
              {t('erasureConfirmed.proof', { date: formatCalendarDateIn(locale, system.provenAt.slice(0, 10)) })}
            </Text>
          ) : null}
        </Section>
      ))}
      {backupsExpireOn ? (
        <Paragraph>{t('erasureConfirmed.backups', { date: formatCalendarDateIn(locale, backupsExpireOn) })}</Paragraph>
      ) : null}
      <ButtonLink href={statusUrl}>{t('viewMyRequest')}</ButtonLink>
    </EmailLayout>
  );
}

/** What was done to one table, in the email's language; the count chooses the plural ("1 record", "2 records"). */
function describeTable(t: EmailsTranslator, { action, rows, reason }: TErasedTable): string {
  if (rows === 0) return t('erasureConfirmed.nothingHeld');
  if (action === 'kept' && reason) return t('erasureConfirmed.keptBecause', { count: rows, reason });
  // A select on the action, not a key built from it: render-email.ts's cache renders once with a token in every string
  // prop, and a select gives that token its empty `other` where a built key would be a missing message (logged as an error).
  return t('erasureConfirmed.tableOutcome', { action, count: rows });
}

const systemStyle: CSSProperties = { margin: '0 0 12px' };

const systemNameStyle: CSSProperties = { color: '#18181b', fontSize: '16px', lineHeight: '24px', margin: '0 0 4px' };

const lineStyle: CSSProperties = { color: '#18181b', fontSize: '15px', lineHeight: '22px', margin: '0 0 2px 16px' };

ErasureConfirmedEmail.PreviewProps = previewProps;

export default ErasureConfirmedEmail;
