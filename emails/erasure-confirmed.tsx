import { Section, Text } from '@react-email/components';
import type { CSSProperties } from 'react';
import { z } from 'zod';
import { ButtonLink } from './components/button-link';
import { DetailList } from './components/detail-list';
import { EmailLayout } from './components/email-layout';
import { Paragraph } from './components/paragraph';
import { MessageText } from './components/message-text';
import { ZLinkUrl, ZMessageText, ZSingleLineText } from './fields';

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

export function subject({ reference }: TErasureConfirmedEmailProps): string {
  return `Your personal data has been erased (${reference})`;
}

export function ErasureConfirmedEmail({
  organisationName,
  reference,
  requestTypeLabel,
  statusUrl,
  systems,
  message,
}: TErasureConfirmedEmailProps) {
  return (
    <EmailLayout
      organisationName={organisationName}
      preview={`${organisationName} has erased your personal data (${reference}).`}
      heading="Your personal data has been erased"
    >
      <Paragraph>{organisationName} has completed your request to erase your personal data.</Paragraph>
      <DetailList
        details={[
          { label: 'Reference', value: reference },
          { label: 'Request', value: requestTypeLabel },
        ]}
      />
      {message ? <MessageText text={message} /> : null}
      <Paragraph>What we did in each of our systems that could hold your data:</Paragraph>
      {systems.map((system) => (
        <Section key={system.name} style={systemStyle}>
          <Text style={systemNameStyle}>
            <strong>{system.name}</strong>
          </Text>
          {system.isConfirmedByTeam ? (
            <Text style={lineStyle}>Erasure confirmed by our team.</Text>
          ) : system.tables.length === 0 ? (
            <Text style={lineStyle}>Erased; the system reported no record counts.</Text>
          ) : (
            system.tables.map((table) => (
              <Text key={table.table} style={lineStyle}>
                {table.table}: {describeTable(table)}
              </Text>
            ))
          )}
          {system.provenAt ? <Text style={lineStyle}>{describeProof(system.provenAt)}</Text> : null}
        </Section>
      ))}
      <ButtonLink href={statusUrl}>View my request</ButtonLink>
    </EmailLayout>
  );
}

/** The proof line: the system was searched again for the person after erasing. */
export function describeProof(provenAt: string): string {
  return `Checked again on ${provenAt.slice(0, 10)}: none of your personal details were found (only anonymised or kept records).`;
}

function records(rows: number): string {
  return rows === 1 ? '1 record' : `${rows.toLocaleString('en')} records`;
}

export function describeTable({ action, rows, reason }: TErasedTable): string {
  if (rows === 0) return 'nothing held';
  switch (action) {
    case 'deleted':
      return `${records(rows)} deleted`;
    case 'anonymised':
      return `${records(rows)} anonymised (kept without your personal details)`;
    case 'kept':
      return `${records(rows)} kept${reason ? `: ${reason}` : ''}`;
    case 'erased':
      return `${records(rows)} erased`;
  }
}

const systemStyle: CSSProperties = { margin: '0 0 12px' };

const systemNameStyle: CSSProperties = { color: '#18181b', fontSize: '16px', lineHeight: '24px', margin: '0 0 4px' };

const lineStyle: CSSProperties = { color: '#18181b', fontSize: '15px', lineHeight: '22px', margin: '0 0 2px 16px' };

ErasureConfirmedEmail.PreviewProps = previewProps;

export default ErasureConfirmedEmail;
