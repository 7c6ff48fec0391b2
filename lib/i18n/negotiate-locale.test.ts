import { describe, expect, it } from 'vitest';
import { textDirectionOf } from './locales';
import { negotiateLocale } from './negotiate-locale';

describe('negotiateLocale', () => {
  it.each([
    [null, 'en'],
    ['', 'en'],
    ['*', 'en'],
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['de-AT', 'de'],
    ['pt-PT,pt;q=0.9', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['nl-NL,nl;q=0.9,fr;q=0.5,en;q=0.7', 'en'],
    ['ja,es;q=0.3', 'es'],
    ['fr;q=0, es', 'es'],
    ['en-US,en;q=0.9', 'en'],
  ])('Accept-Language %j reads %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('textDirectionOf', () => {
  it('is right to left for Arabic and Hebrew, left to right for the languages offered', () => {
    expect(textDirectionOf('ar')).toBe('rtl');
    expect(textDirectionOf('he-IL')).toBe('rtl');
    expect(textDirectionOf('de')).toBe('ltr');
    expect(textDirectionOf('pt-BR')).toBe('ltr');
  });
});
