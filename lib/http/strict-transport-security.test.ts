import { describe, expect, it } from 'vitest';
import { strictTransportSecurityFor } from './strict-transport-security';

describe('Strict-Transport-Security', () => {
  it('is sent for an https APP_URL, for a year', () => {
    expect(strictTransportSecurityFor('https://privacy.example.com')).toBe('max-age=31536000');
  });

  it('is not sent for an http one (a local install)', () => {
    expect(strictTransportSecurityFor('http://localhost:3000')).toBeNull();
  });
});
