import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { settings } from '@/db/schema';
import { useTestDatabase } from '@/test/support/test-database';
import { accessInformationKey, getAccessInformation } from './get-access-information';

const db = useTestDatabase();
const migration = readFileSync(path.join(import.meta.dirname, '../../db/migrations/0028_access_information_per_language.sql'), 'utf8');

describe('access information written before it was per language (migration 0023)', () => {
  it('[admin] keeps what was written, as the English text; information already per language is left as it is', async () => {
    await db.insert(settings).values([
      { key: accessInformationKey('us_ca_ccpa'), value: { purposes: 'To deliver orders.', complaintAuthorityName: 'the ICO' } },
      { key: accessInformationKey('uk_gdpr'), value: { 'en.purposes': 'Kept.', 'de.purposes': 'Behalten.' } },
    ]);
    await db.execute(sql.raw(migration));
    await db.execute(sql.raw(migration));

    expect(await getAccessInformation(db, 'us_ca_ccpa')).toEqual({
      'en.purposes': 'To deliver orders.',
      'en.complaintAuthorityName': 'the ICO',
    });
    expect(await getAccessInformation(db, 'uk_gdpr')).toEqual({ 'en.purposes': 'Kept.', 'de.purposes': 'Behalten.' });
  });
});
