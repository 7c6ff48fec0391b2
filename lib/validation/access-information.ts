import { z } from 'zod';
import { type LocalisedKey, localisedKeysOf, localisedTextsSchema } from './localised-texts';
import { text } from './text';

/** An optional field of a settings form: an empty box means "not set". */
const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const paragraph = (max = 4000) =>
  z.preprocess(
    emptyAsUndefined,
    text()
      .trim()
      .max(max, `At most ${max.toLocaleString('en-GB')} characters`)
      .optional(),
  );

/**
 * What an answer to an access request must tell the person besides their data
 * (GDPR Art. 15(1)(a)–(h) and (2); UK GDPR the same), written per regime by an
 * admin, in each language requesters read (issue #18), and printed in every package's
 * index.html in the request's language, English where a field has no translation.
 * Each field is optional so an admin can fill it in steps; the package names the
 * contact address for anything left out.
 */
const fieldSchemas = {
  /** (a) the purposes of the processing. */
  purposes: paragraph(),
  /** (b) the categories of personal data concerned. */
  categories: paragraph(),
  /** (c) the recipients or categories of recipients, in particular in other countries, and (2) the safeguards for transfers. */
  recipients: paragraph(),
  /** (d) how long the data is kept, or the criteria that decide it. */
  retention: paragraph(),
  /** (e) the rights to rectification, erasure, restriction and objection. */
  rights: paragraph(),
  /** (f) the supervisory authority the person may complain to; its address may differ by language too (its page in the reader's). */
  complaintAuthorityName: paragraph(200),
  complaintAuthorityUrl: z.preprocess(
    emptyAsUndefined,
    text()
      .trim()
      .max(2000, 'At most 2,000 characters')
      .pipe(z.url({ protocol: /^https?$/, error: 'Enter a web address starting with https://' }))
      .optional(),
  ),
  /** (g) where data not collected from the person came from. */
  source: paragraph(),
  /** (h) automated decision-making, including profiling: whether it happens, its logic and consequences. */
  automatedDecisions: paragraph(),
};

export type AccessInformationField = keyof typeof fieldSchemas;
export const accessInformationFields = Object.keys(fieldSchemas) as AccessInformationField[];

/** What one reader is told: the fields in their language (lib/settings/localise-access-information.ts). */
export type TAccessInformation = Partial<Record<AccessInformationField, string>>;

/** As stored and edited: one flat key per language and field (`de.purposes`), every language English included. */
export const ZLocalisedAccessInformation = localisedTextsSchema(localisedKeysOf(accessInformationFields), fieldSchemas);
export type TLocalisedAccessInformation = Partial<Record<LocalisedKey<AccessInformationField>, string>>;

/** The settings form: the regime's code and its information. */
export const ZAccessInformationForm = ZLocalisedAccessInformation.extend({
  code: text()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9_-]+$/),
});
