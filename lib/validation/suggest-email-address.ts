import emailSpellChecker from '@zootools/email-spell-checker';

/** Endings typed by a slipped finger that no mail provider uses (the library would "correct" `.con` to `.co`). */
const MISTYPED_ENDINGS: Record<string, string> = {
  con: 'com',
  cmo: 'com',
  ocm: 'com',
  comm: 'com',
  cpm: 'com',
  vom: 'com',
  xom: 'com',
  nte: 'net',
  ner: 'net',
  ogr: 'org',
};
/** Reserved for tests and documentation (RFC 2606): never a typo to correct. */
const RESERVED_ENDINGS = new Set(['test', 'example', 'invalid', 'localhost']);

/**
 * "Did you mean ada@gmail.com?" for an obvious typo in a well-known domain or ending
 * (gmial.con). Runs in the browser on what was typed, against a fixed list of public
 * mail providers (@zootools/email-spell-checker): it says nothing about whether an
 * address is known to us.
 */
export function suggestEmailAddress(typed: string): string | null {
  const email = typed.trim();
  const parts = /^([^@\s]+)@([^@\s]+)\.([^@.\s]+)$/.exec(email);
  if (!parts) return null;
  const [, local, name, ending] = parts as unknown as [string, string, string, string];
  if (RESERVED_ENDINGS.has(ending.toLowerCase())) return null;
  const candidate = `${local}@${name}.${MISTYPED_ENDINGS[ending.toLowerCase()] ?? ending}`;
  const suggested = emailSpellChecker.run({ email: candidate })?.full ?? candidate;
  return suggested.toLowerCase() === email.toLowerCase() ? null : suggested;
}
