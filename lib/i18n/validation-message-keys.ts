import { CONTEST_STATEMENT_MAX_LENGTH, CONTEST_STATEMENT_MAX_WORDS, CONTEST_STATEMENT_MESSAGES } from '@/lib/validation/contest-statement';
import { CORRECTION_MESSAGES, MAX_CORRECTION_ATTACHMENTS, MAX_CORRECTION_FIELDS } from '@/lib/validation/correction-request';
import { AGENT_PERMISSION_REQUIRED, EVIDENCE_FILE_MESSAGES } from '@/lib/validation/evidence-file';
import { MESSAGE_MAX_LENGTH } from '@/lib/validation/staff-actions';
import { DETAILS_MAX_LENGTH } from '@/lib/validation/submit-request';

type MessageKey = { key: string; values?: Record<string, number> };

const details = { max: DETAILS_MAX_LENGTH };
const message = { max: MESSAGE_MAX_LENGTH };

/**
 * The schemas in lib/validation write their messages in English, once, for the API and staff pages alike.
 * The public pages show them in the requester's language by this table: English message → key under
 * `validation` in messages/*.json (with the numbers it needs). A message missing here is shown in English:
 * add it here and to every message file.
 */
export const validationMessageKeys: Record<string, MessageKey> = {
  'Please correct the problems below.': { key: 'correctProblems' },
  'Please correct the problem below.': { key: 'correctProblem' },
  'Enter your email address': { key: 'emailRequired' },
  'Email addresses are at most 254 characters': { key: 'emailTooLong' },
  'Enter a valid email address, like name@example.com': { key: 'emailInvalid' },
  'Say which of your details are wrong and what they should be': { key: 'correctionDetails' },
  'Enter your full name': { key: 'nameRequired' },
  'Names are at most 200 characters': { key: 'nameTooLong' },
  'Account identifier must be text': { key: 'accountIdentifierText' },
  'Account identifiers are at most 200 characters': { key: 'accountIdentifierTooLong' },
  'Details must be text': { key: 'detailsText' },
  [`Keep the details under ${DETAILS_MAX_LENGTH.toLocaleString('en')} characters`]: { key: 'detailsTooLong', values: details },
  'Confirm that you are the person named, or authorised to act for them': { key: 'authorisationRequired' },
  'Choose what you would like us to do': { key: 'typeRequired' },
  'Choose a region': { key: 'regionRequired' },
  'Remove the invisible control characters (such as U+0000) from this field': { key: 'controlCharacters' },
  'Enter your reply': { key: 'replyRequired' },
  [`Keep your reply under ${MESSAGE_MAX_LENGTH.toLocaleString('en')} characters`]: { key: 'replyTooLong', values: message },
  'Enter why you disagree with our decision': { key: 'appealReasonRequired' },
  [`Keep why you disagree with our decision under ${MESSAGE_MAX_LENGTH.toLocaleString('en')} characters`]: {
    key: 'appealReasonTooLong',
    values: message,
  },
  [AGENT_PERMISSION_REQUIRED]: { key: 'agentPermissionRequired' },
  [CONTEST_STATEMENT_MESSAGES.required]: { key: 'contestStatementRequired' },
  [CONTEST_STATEMENT_MESSAGES.tooManyWords]: { key: 'contestStatementTooManyWords', values: { max: CONTEST_STATEMENT_MAX_WORDS } },
  [CONTEST_STATEMENT_MESSAGES.tooLong]: { key: 'contestStatementTooLong', values: { max: CONTEST_STATEMENT_MAX_LENGTH } },
  [CORRECTION_MESSAGES.fieldRequired]: { key: 'correctionFieldRequired' },
  [CORRECTION_MESSAGES.shouldBeRequired]: { key: 'correctionShouldBeRequired' },
  [CORRECTION_MESSAGES.tooManyFields]: { key: 'correctionTooManyFields', values: { max: MAX_CORRECTION_FIELDS } },
  [CORRECTION_MESSAGES.tooManyAttachments]: { key: 'correctionTooManyAttachments', values: { max: MAX_CORRECTION_ATTACHMENTS } },
  [EVIDENCE_FILE_MESSAGES.missing]: { key: 'fileMissing' },
  [EVIDENCE_FILE_MESSAGES.tooBig]: { key: 'fileTooBig' },
  [EVIDENCE_FILE_MESSAGES.wrongType]: { key: 'fileType' },
  // The identity step's answers (lib/verification): what the use cases say, in the requester's language.
  'Type your full name and tick the box to sign the declaration.': { key: 'declarationRequired' },
  'We do not need these details for this request.': { key: 'detailsNotNeeded' },
  'We could not check your details just now. This try was not counted. Please try again later.': { key: 'checkUnavailable' },
  'We have not asked you for a document.': { key: 'documentNotAsked' },
  'We could not find this request.': { key: 'requestNotFound' },
};

/** Messages that carry a number of their own: matched by pattern, the number passed to the translation as `count`. */
const validationMessagePatterns: { pattern: RegExp; key: string }[] = [
  { pattern: /^Fill in at least (\d+) of the boxes\.$/, key: 'dataPointsTooFew' },
  { pattern: /^These details do not match our records\. You have (\d+) tr(?:y|ies) left\.$/, key: 'dataPointsNoMatch' },
  { pattern: /^You have already sent us (\d+) files\.$/, key: 'tooManyDocuments' },
];

/** The key (and numbers) of an English validation message, or undefined when it has no translation. */
export function findValidationMessageKey(message: string): MessageKey | undefined {
  const known = validationMessageKeys[message];
  if (known) return known;
  for (const { pattern, key } of validationMessagePatterns) {
    const match = pattern.exec(message);
    if (match) return { key, values: { count: Number(match[1]) } };
  }
  return undefined;
}
