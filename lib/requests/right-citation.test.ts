import { describe, expect, it } from 'vitest';
import { rightCitation } from './right-citation';

describe('the request page cites the right the request exercises', () => {
  it('cites the article of the request’s own type, not the right of access for every request', () => {
    expect(rightCitation('uk_gdpr', 'deletion')).toBe('UK GDPR Art. 17 (right to erasure)');
    expect(rightCitation('eu_gdpr', 'access')).toBe('GDPR Art. 15 (right of access)');
    expect(rightCitation('us_ca_ccpa', 'deletion')).toBe('Cal. Civ. Code §1798.105 (right to delete)');
  });

  it('says nothing where it has no citation, rather than a wrong one', () => {
    expect(rightCitation('other', 'deletion')).toBeNull();
    expect(rightCitation('eu_gdpr', 'opt_out_sale')).toBeNull();
  });
});
