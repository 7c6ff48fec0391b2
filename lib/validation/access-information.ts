import { z } from 'zod';
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
 * (GDPR Art. 15(1)(a)–(h) and (2); UK GDPR the same), written once per regime by an
 * admin and printed in every package's index.html. Each field is optional so an admin
 * can fill it in steps; the package names the contact address for anything left out.
 */
export const ZAccessInformation = z.strictObject({
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
  /** (f) the supervisory authority the person may complain to. */
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
});

/** The settings form: the regime's code and its information. */
export const ZAccessInformationForm = ZAccessInformation.extend({
  code: text()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9_-]+$/),
});

export type TAccessInformation = z.infer<typeof ZAccessInformation>;
