/**
 * The schemas in lib/validation write their messages in English, once, for the API and staff pages alike.
 * The public pages show them in the requester's language by this table: English message → key under
 * `validation` in messages/*.json. A message missing here is shown in English (add it here and to every file).
 */
export const validationMessageKeys: Record<string, string> = {
  'Please correct the problems below.': 'correctProblems',
  'Please correct the problem below.': 'correctProblem',
  'Enter your email address': 'emailRequired',
  'Email addresses are at most 254 characters': 'emailTooLong',
  'Enter a valid email address, like name@example.com': 'emailInvalid',
  'Say which of your details are wrong and what they should be': 'correctionDetails',
  'Enter your full name': 'nameRequired',
  'Names are at most 200 characters': 'nameTooLong',
  'Account identifier must be text': 'accountIdentifierText',
  'Account identifiers are at most 200 characters': 'accountIdentifierTooLong',
  'Details must be text': 'detailsText',
  'Keep the details under 2,000 characters': 'detailsTooLong',
  'Confirm that you are the person named, or authorised to act for them': 'authorisationRequired',
  'Choose what you would like us to do': 'typeRequired',
  'Choose a region': 'regionRequired',
  'Remove the invisible control characters (such as U+0000) from this field': 'controlCharacters',
};
