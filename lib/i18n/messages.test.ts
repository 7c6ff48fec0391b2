import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { messageFiles } from './messages';
import { supportedLocales } from './locales';
import { pseudoLocaliseMessage } from './pseudo-localise';
import { translatorFor } from './translator';
import { findValidationMessageKey, validationMessageKeys } from './validation-message-keys';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') entries.set(`${prefix}${key}`, value);
    else for (const [nested, text] of flatten(value, `${prefix}${key}.`)) entries.set(nested, text);
  }
  return entries;
}

/** The placeholders, plural/select arguments and tags a message uses, so a translation cannot drop or rename one. */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      found.add(`<${element.value}>`);
      argumentsOf(element.children, found);
      continue;
    }
    found.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    }
  }
  return found;
}

const english = flatten(messageFiles.en as Tree);

describe('message files', () => {
  it.each(supportedLocales)('[%s] has exactly the keys of messages/en.json', (locale) => {
    const keys = [...flatten(messageFiles[locale] as Tree).keys()].sort();
    expect(keys).toEqual([...english.keys()].sort());
  });

  it.each(supportedLocales)('[%s] every message is valid ICU with the placeholders and tags of the English one', (locale) => {
    const problems: string[] = [];
    for (const [key, message] of flatten(messageFiles[locale] as Tree)) {
      try {
        const used = [...argumentsOf(parse(message))].sort();
        const expected = [...argumentsOf(parse(english.get(key) ?? ''))].sort();
        if (JSON.stringify(used) !== JSON.stringify(expected))
          problems.push(`${key}: uses ${used.join(', ')}; English uses ${expected.join(', ')}`);
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('a message with unbalanced braces or tags is refused by the parser the test relies on', () => {
    expect(() => parse('Your request {reference')).toThrow();
    expect(() => parse('Press <strong>Confirm')).toThrow();
    expect(() => parse('{count, plural, one {# file} other {# files}')).toThrow();
  });

  it('[de] formats plurals and placeholders', () => {
    const t = translatorFor('de');
    expect(t('emails.verification.preview', { hours: 1 })).toBe(
      'Bestätigen Sie innerhalb von 1 Stunde, damit wir mit Ihrer Anfrage beginnen können.',
    );
    expect(t('statusPage.downloadsLeft', { count: 3, until: '25. Dezember 2026 um 14:05' })).toBe(
      '3 Downloads übrig; verfügbar bis 25. Dezember 2026 um 14:05',
    );
  });
});

describe('requester email counts', () => {
  it.each(supportedLocales)('[%s] an erased table of one record and of two records read in their own plural', (locale) => {
    const t = translatorFor(locale);
    for (const action of ['deleted', 'anonymised', 'kept', 'erased']) {
      const one = t('emails.erasureConfirmed.tableOutcome', { action, count: 1 });
      const two = t('emails.erasureConfirmed.tableOutcome', { action, count: 2 });
      expect(one).toMatch(/^1 /);
      expect(two).toMatch(/^2 /);
      // Not just the digit: the noun (and in French, Spanish and Portuguese the participle) changes too.
      expect(two.slice(2)).not.toBe(one.slice(2));
    }
    const kept = (count: number) => t('emails.erasureConfirmed.keptBecause', { count, reason: 'Tax law' });
    expect(kept(2).slice(2)).not.toBe(kept(1).slice(2));
  });

  it('[de] counts records as Datensatz and Datensätze', () => {
    const t = translatorFor('de');
    expect(t('emails.erasureConfirmed.tableOutcome', { action: 'deleted', count: 1 })).toBe('1 Datensatz gelöscht');
    expect(t('emails.erasureConfirmed.tableOutcome', { action: 'deleted', count: 2 })).toBe('2 Datensätze gelöscht');
    expect(t('emails.erasureConfirmed.tableOutcome', { action: 'deleted', count: 1200 })).toBe('1.200 Datensätze gelöscht');
  });
});

describe('validation messages', () => {
  it('every English schema message the public pages translate reads the same in messages/en.json', () => {
    const t = translatorFor('en');
    for (const [message, { key, values }] of Object.entries(validationMessageKeys)) {
      expect(t(`validation.${key}`, values)).toBe(message);
    }
  });

  it('messages that carry their own number are matched by pattern and read back the same, in German with the number', () => {
    const t = translatorFor('en');
    const de = translatorFor('de');
    for (const message of [
      'These details do not match our records. You have 1 try left.',
      'These details do not match our records. You have 2 tries left.',
      'Fill in at least 3 of the boxes.',
      'You have already sent us 5 files.',
    ]) {
      const found = findValidationMessageKey(message);
      expect(found, message).toBeDefined();
      expect(t(`validation.${found!.key}`, found!.values)).toBe(message);
    }
    const noMatch = findValidationMessageKey('These details do not match our records. You have 1 try left.')!;
    expect(de(`validation.${noMatch.key}`, noMatch.values)).toBe(
      'Diese Angaben stimmen nicht mit unseren Unterlagen überein. Sie haben noch 1 Versuch.',
    );
    expect(findValidationMessageKey('Something no table knows.')).toBeUndefined();
  });
});

describe('the pseudo-locale', () => {
  it('accents and lengthens the text but keeps placeholders, plurals and tags', () => {
    const message = pseudoLocaliseMessage(
      'We have sent an email to <strong>{email}</strong> ({count, plural, one {# hour} other {# hours}}).',
    );
    expect(message).toMatch(/^⟦Ŵé ĥáṽé/);
    expect([...argumentsOf(parse(message))].sort()).toEqual(['<strong>', 'count', 'email']);
    const t = translatorFor('en-XA');
    const text = t('home.lead');
    expect(text.length).toBeGreaterThanOrEqual(Math.floor(english.get('home.lead')!.length * 1.4));
    expect(text).not.toMatch(/[a-z]{4}/);
  });
});
