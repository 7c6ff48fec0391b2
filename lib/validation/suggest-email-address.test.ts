import { describe, expect, it } from 'vitest';
import { suggestEmailAddress } from './suggest-email-address';

describe('suggestEmailAddress', () => {
  it.each([
    ['ada@gmial.con', 'ada@gmail.com'],
    ['ada@hotmial.com', 'ada@hotmail.com'],
    ['ada.lovelace@yaho.com', 'ada.lovelace@yahoo.com'],
  ])('suggests a correction for the obvious typo in %s', (typed, expected) => {
    expect(suggestEmailAddress(typed)).toBe(expected);
  });

  it.each(['ada@gmail.com', 'ada.lovelace@example.com', 'someone@northwind-outdoor.co.uk', 'not an address', ''])(
    'suggests nothing for %j',
    (typed) => {
      expect(suggestEmailAddress(typed)).toBeNull();
    },
  );
});
