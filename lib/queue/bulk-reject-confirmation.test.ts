import { describe, expect, it } from 'vitest';
import { fileOnBehalf } from '@/lib/requests/file-on-behalf';
import { ZBulkAction, ZRejectRequestForm } from '@/lib/validation/staff-actions';
import { aSubmission, uniqueEmail } from '@/test/support/fixtures';
import { getRequest, submitVerifiedRequest } from '@/test/support/requests';
import { refusal } from '@/test/support/request-snapshot';
import { createStaffMember } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { applyBulkAction } from './apply-bulk-action';
import { previewBulkRejection } from './preview-bulk-rejection';

const db = useTestDatabase();

async function fileByPhone(actor: Awaited<ReturnType<typeof createStaffMember>>) {
  const { reference } = await fileOnBehalf(db, {
    actor,
    input: {
      type: 'access',
      email: uniqueEmail(),
      fullName: 'Phoned In',
      jurisdiction: 'eu_gdpr',
      intakeChannel: 'phone',
      identityCheck: 'Confirmed date of birth and the last four digits of the card on file',
      receivedOn: '2026-11-02',
    },
    now: new Date('2026-11-25T10:00:00Z'),
  });
  return reference;
}

describe('[agent] irreversible actions ask first, on the server', () => {
  it('a bulk rejection without the confirmation is refused and changes nothing', async () => {
    const agent = await createStaffMember(db, { role: 'agent' });
    const open = await submitVerifiedRequest(db, { input: aSubmission() });

    const error = await refusal(
      applyBulkAction(db, { actor: agent, references: [open.reference], bulk: { action: 'reject_spam', isConfirmed: false } }),
    );

    expect(error).toMatchObject({ code: 'VALIDATION', details: { field: 'isConfirmed' } });
    expect((await getRequest(db, { id: open.request.id })).status).toBe('new');
  });

  it('the preview names each requester, and a staff-filed request with an identity check is skipped unless confirmed separately', async () => {
    const agent = await createStaffMember(db, { role: 'agent' });
    const open = await submitVerifiedRequest(db, { input: aSubmission({ fullName: 'Web Filer' }) });
    const phoned = await fileByPhone(agent);

    const preview = await previewBulkRejection(db, { actor: agent, references: [open.reference, phoned] });
    expect(preview).toEqual(
      expect.arrayContaining([
        {
          reference: open.reference,
          requesterName: 'Web Filer',
          requesterEmail: open.input.email,
          isIdentityChecked: false,
          isClosed: false,
        },
        expect.objectContaining({ reference: phoned, requesterName: 'Phoned In', isIdentityChecked: true }),
      ]),
    );

    const results = await applyBulkAction(db, {
      actor: agent,
      references: [open.reference, phoned],
      bulk: { action: 'reject_duplicate', isConfirmed: true },
    });
    expect(results).toEqual([
      { reference: open.reference, isDone: true },
      { reference: phoned, isDone: false, error: expect.stringContaining('recorded identity check') },
    ]);
    expect((await getRequest(db, { id: open.request.id })).status).toBe('rejected');

    const included = await applyBulkAction(db, {
      actor: agent,
      references: [phoned],
      bulk: { action: 'reject_duplicate', isConfirmed: true, includeIdentityChecked: true },
    });
    expect(included).toEqual([{ reference: phoned, isDone: true }]);
  });

  it('the reject form and the bulk form need the confirmation tick (the schemas the server actions parse with)', () => {
    const reject = { reference: 'DSR-2026-000001', version: '1', basis: 'spam', message: '' };
    expect(ZRejectRequestForm.safeParse(reject).success).toBe(false);
    expect(ZRejectRequestForm.safeParse({ ...reject, isConfirmed: 'yes' }).success).toBe(true);
    expect(ZBulkAction.safeParse({ references: ['DSR-2026-000001'], action: 'reject_spam', isConfirmed: 'no' }).success).toBe(false);
  });
});
