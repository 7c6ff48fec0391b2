import { describe, expect, it } from 'vitest';
import { suggestCorrectedValue } from './suggest-corrected-value';

describe('the correction form starts from the requester’s own value', () => {
  const fields = [
    { field: 'Postal address', currentValue: '1 Old Road', shouldBe: '12 St James’s Square' },
    { field: 'Phone', shouldBe: '+44 7700 900999' },
  ];

  it('takes the “should be” of the line naming the column, whatever its case, spaces or underscores', () => {
    expect(suggestCorrectedValue(fields, 'postal_address')).toBe('12 St James’s Square');
    expect(suggestCorrectedValue(fields, 'PHONE')).toBe('+44 7700 900999');
  });

  it('suggests nothing for a column no line names, or when there are no lines', () => {
    expect(suggestCorrectedValue(fields, 'email')).toBeUndefined();
    expect(suggestCorrectedValue(null, 'phone')).toBeUndefined();
  });
});
