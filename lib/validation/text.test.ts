import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZCreateDataSourceForm } from './data-source-form';
import { ZFindRequest } from './find-request';
import { ZJurisdictionPolicyForm } from './jurisdiction-policy-form';
import { ZManualSourceNote } from './manual-source-note';
import { ZOrganisationSettings } from './organisation-settings';
import { ZQueueFilters } from './queue-filters';
import { ZAddNote, ZAnswerInformationRequest, ZBulkAction, ZFileOnBehalf, ZRejectRequest, ZRequestInformation } from './staff-actions';
import { ZInviteStaffMember } from './staff-members';
import { ZSubmitRequest } from './submit-request';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters } from './text';
import { ZWebhookCallback } from './webhook';

const reference = 'DSR-2026-000042';
const valid = {
  submitRequest: {
    type: 'access',
    email: 'ada@example.com',
    fullName: 'Ada Lovelace',
    accountIdentifier: 'customer-1',
    details: 'Orders',
    jurisdiction: 'eu_gdpr',
    isAuthorised: true,
  },
  fileOnBehalf: {
    type: 'access',
    email: 'ada@example.com',
    fullName: 'Ada Lovelace',
    accountIdentifier: 'c-1',
    details: 'Orders',
    jurisdiction: 'eu_gdpr',
    intakeChannel: 'phone',
    identityCheck: 'Asked for the order number',
    receivedOn: '2026-11-02',
  },
  organisation: {
    organisationName: 'Example Ltd',
    senderName: 'Privacy team',
    senderEmail: 'privacy@example.com',
    downloadDays: '7',
    maxDownloads: '3',
  },
  policy: { code: 'eu_gdpr', label: 'EU GDPR', deadlineAmount: '1', deadlineUnit: 'months', legalBasis: 'Art. 12(3)', offers_access: 'on' },
  manualSource: {
    kind: 'manual',
    name: 'Paper files',
    slug: '',
    isEnabled: 'on',
    usedForAccess: 'on',
    usedForErasure: 'on',
    instructions: 'Check the cabinet',
  },
};

/** Every text field a person or another system fills in, with a valid rest of the form. */
const textFields: { schema: z.ZodType; input: Record<string, unknown>; field: string }[] = [
  ...['email', 'fullName', 'accountIdentifier', 'details'].map((field) => ({ schema: ZSubmitRequest, input: valid.submitRequest, field })),
  ...['email', 'fullName', 'accountIdentifier', 'details', 'identityCheck'].map((field) => ({
    schema: ZFileOnBehalf,
    input: valid.fileOnBehalf,
    field,
  })),
  { schema: ZFindRequest, input: { email: 'ada@example.com' }, field: 'email' },
  { schema: ZFindRequest, input: { email: 'ada@example.com', reference: 'DSR-2026-000001' }, field: 'reference' },
  { schema: ZAnswerInformationRequest, input: { message: 'Here it is' }, field: 'message' },
  { schema: ZAddNote, input: { reference, body: 'Called back' }, field: 'body' },
  {
    schema: ZRequestInformation,
    input: { reference, version: '1', message: 'Which account?', pauseKind: 'clarification' },
    field: 'message',
  },
  { schema: ZRejectRequest, input: { reference, version: '1', basis: 'spam', message: 'Not genuine' }, field: 'message' },
  { schema: ZBulkAction, input: { references: [reference], action: 'reject_spam', message: 'Spam' }, field: 'message' },
  { schema: ZInviteStaffMember, input: { email: 'new@example.com', name: 'New Person', role: 'agent' }, field: 'name' },
  ...['organisationName', 'senderName'].map((field) => ({ schema: ZOrganisationSettings, input: valid.organisation, field })),
  ...['label', 'legalBasis'].map((field) => ({ schema: ZJurisdictionPolicyForm, input: valid.policy, field })),
  ...['name', 'instructions'].map((field) => ({ schema: ZCreateDataSourceForm, input: valid.manualSource, field })),
  { schema: ZWebhookCallback, input: { jobId: 'a'.repeat(43), status: 'failed', error: 'Timed out' }, field: 'error' },
];

describe('text fields refuse control characters with a field error', () => {
  it.each(textFields)('$field (a NUL in the middle)', ({ schema, input, field }) => {
    expect(schema.safeParse(input).success, 'the valid form parses').toBe(true);
    const result = schema.safeParse({ ...input, [field]: `${String(input[field])}\u0000x` });
    expect(result.success).toBe(false);
    expect(z.flattenError(result.error!).fieldErrors).toMatchObject({ [field]: [CONTROL_CHARACTER_MESSAGE] });
  });

  it('refuse one in a manual source note (a schema of one string)', () => {
    expect(ZManualSourceNote.safeParse('Checked\u0000').error?.issues[0]?.message).toBe(CONTROL_CHARACTER_MESSAGE);
  });

  it('keep tabs, line breaks and the CRLF a textarea sends', () => {
    expect(ZAnswerInformationRequest.parse({ message: 'Line one\r\nLine two\n\tindented' })).toEqual({
      message: 'Line one\r\nLine two\n\tindented',
    });
  });

  it.each([
    ['NUL', '\u0000'],
    ['backspace', '\b'],
    ['vertical tab', '\v'],
    ['escape', '\u001b[31m'],
    ['DEL', '\u007f'],
    ['a C1 control', '\u0085'],
    ['a lone carriage return', 'a\rb'],
  ])('refuse %s', (_, value) => {
    expect(hasControlCharacters(value)).toBe(true);
  });

  it('drop a queue search holding one (the queue falls back to no search, as for any unparseable filter)', () => {
    expect(ZQueueFilters.parse({ q: 'ada\u0000' }).q).toBeUndefined();
  });

  it('are built with text(), never a bare z.string(), in every schema of lib/validation', () => {
    const folder = path.dirname(new URL(import.meta.url).pathname);
    const bare = readdirSync(folder)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'text.ts')
      .flatMap((file) =>
        readFileSync(path.join(folder, file), 'utf8')
          .split('\n')
          .map((line, index) => ({ where: `${file}:${index + 1}`, line }))
          // Record keys are checked by the record's own key schema.
          .filter(({ line }) => /z\.string\(|^\s*\.string\(/.test(line.replaceAll('z.record(z.string()', ''))),
      );
    expect(bare).toEqual([]);
  });
});
