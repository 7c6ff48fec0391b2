import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ZDataSourceSlug, ZManualSourceConfig } from './data-source';
import { ZCreateDataSourceForm } from './data-source-form';
import { ZJurisdictionPolicyForm } from './jurisdiction-policy-form';
import { ZOrganisationSettings } from './organisation-settings';
import { ZConfirmManualSource, ZReleasePackage } from './fulfilment';
import {
  ZAddNote,
  ZAnswerInformationRequest,
  ZExtendDeadline,
  ZFileOnBehalf,
  ZFulfilRequest,
  ZRejectRequest,
  ZRequestInformation,
} from './staff-actions';
import { ZInviteStaffMember } from './staff-members';
import { DETAILS_MAX_LENGTH, ZSubmitRequest } from './submit-request';
import { maxLengthOf } from './max-length-of';

describe('maxLengthOf reads a form limit from the schema the server parses with', () => {
  it.each([
    ['a plain string field', () => maxLengthOf(ZSubmitRequest, 'fullName'), 200],
    ['a string piped into z.email()', () => maxLengthOf(ZSubmitRequest, 'email'), 254],
    ['an optional field behind z.preprocess', () => maxLengthOf(ZSubmitRequest, 'details'), DETAILS_MAX_LENGTH],
    ['an optional message behind preprocess', () => maxLengthOf(ZRejectRequest, 'message'), 5000],
    ['a field with a default', () => maxLengthOf(ZInviteStaffMember, 'name'), 120],
    ['a field of an object piped into a transform', () => maxLengthOf(ZCreateDataSourceForm, 'name'), 120],
    ['a refined object', () => maxLengthOf(ZJurisdictionPolicyForm, 'legalBasis'), 300],
    ['a schema that is the string', () => maxLengthOf(ZDataSourceSlug), 40],
    ['a field of a config schema', () => maxLengthOf(ZManualSourceConfig, 'instructions'), 2000],
    ['staff notes', () => maxLengthOf(ZAddNote, 'body'), 5000],
    ['an extension reason', () => maxLengthOf(ZExtendDeadline, 'reason'), 2000],
    ['the identity check of a filing', () => maxLengthOf(ZFileOnBehalf, 'identityCheck'), 1000],
    ['a sender address', () => maxLengthOf(ZOrganisationSettings, 'senderEmail'), 254],
    [
      'every other limit a form reads',
      () => [
        maxLengthOf(ZFulfilRequest, 'message'),
        maxLengthOf(ZRequestInformation, 'message'),
        maxLengthOf(ZAnswerInformationRequest, 'message'),
        maxLengthOf(ZReleasePackage, 'message'),
        maxLengthOf(ZConfirmManualSource, 'note'),
        maxLengthOf(ZInviteStaffMember, 'email'),
        maxLengthOf(ZOrganisationSettings, 'organisationName'),
        maxLengthOf(ZOrganisationSettings, 'senderName'),
        maxLengthOf(ZJurisdictionPolicyForm, 'label'),
        maxLengthOf(ZFileOnBehalf, 'email'),
        maxLengthOf(ZFileOnBehalf, 'fullName'),
        maxLengthOf(ZFileOnBehalf, 'accountIdentifier'),
        maxLengthOf(ZFileOnBehalf, 'details'),
        maxLengthOf(ZSubmitRequest, 'accountIdentifier'),
      ],
      [5000, 5000, 5000, 5000, 2000, 254, 120, 120, 120, 254, 200, 200, 2000, 200],
    ],
  ])('%s', (_name, read, expected) => {
    expect(read()).toEqual(expected);
  });

  it('agrees with what the schema refuses: one character over the limit fails, the limit passes', () => {
    const limit = maxLengthOf(ZSubmitRequest, 'fullName');
    const field = ZSubmitRequest.shape.fullName;

    expect(field.safeParse('x'.repeat(limit)).success).toBe(true);
    expect(field.safeParse('x'.repeat(limit + 1)).success).toBe(false);
  });

  it('throws for a field without a maximum or one that does not exist, so a form cannot lose its limit silently', () => {
    expect(() => maxLengthOf(z.object({ note: z.string() }), 'note')).toThrow('No string maximum for note');
    expect(() => maxLengthOf(ZSubmitRequest, 'nickname')).toThrow('No string maximum for nickname');
  });
});
