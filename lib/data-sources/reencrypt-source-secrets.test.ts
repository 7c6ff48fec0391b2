import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { dataSources, requestEvents } from '@/db/schema';
import { secretBoxKey } from '@/lib/security/secret-box';
import { disableSources } from '@/test/support/data-sources';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { useTestDatabase } from '@/test/support/test-database';
import { encryptSourceSecret, readSourceSecret } from './read-source-secret';
import { reencryptSourceSecrets } from './reencrypt-source-secrets';

const db = useTestDatabase();
const setEnv = useEnvOverrides();
const made: string[] = [];

afterAll(() => disableSources(db, made));

async function aSourceWithSecret(secret: string, kind: 'postgres' | 'webhook' = 'postgres') {
  const slug = `rekey-${randomBytes(4).toString('hex')}`;
  const config =
    kind === 'postgres'
      ? {
          kind,
          map: {
            tables: [
              {
                schema: 'public',
                table: 'customers',
                match: { column: 'email', equals: 'email' as const },
                export: ['id'],
                erase: { action: 'delete' as const },
              },
            ],
          },
        }
      : { kind, url: 'https://crm.example.test/jobs', timeoutSeconds: 5, maxAttempts: 2, callbackTimeoutHours: 72 };
  const [row] = await db
    .insert(dataSources)
    .values({
      slug,
      name: `Rekey ${slug}`,
      kind,
      isEnabled: false,
      config,
      secretCiphertext: encryptSourceSecret(kind, secret),
      secretUpdatedAt: new Date(),
    })
    .returning();
  made.push(row!.id);
  return row!;
}

const rowOf = async (id: string) => (await db.select().from(dataSources).where(eq(dataSources.id, id)))[0]!;
const key = () => randomBytes(32).toString('base64');

describe('[operator] rotates the key that encrypts data-source secrets', () => {
  it('secrets saved under the previous ENCRYPTION_KEY are readable under the new one afterwards; a second run changes nothing', async () => {
    const previous = key();
    setEnv({ ENCRYPTION_KEY: previous });
    const shop = await aSourceWithSecret('postgres://shop:s3cret@db.internal/shop');
    const crm = await aSourceWithSecret('webhook-signing-secret', 'webhook');

    setEnv({ ENCRYPTION_KEY: key() });
    expect(() => readSourceSecret(shop)).toThrow(/could not be decrypted/);
    const first = await reencryptSourceSecrets(db, { previousKey: secretBoxKey({ encryptionKey: previous, appSecret: '' }) });

    expect(first.reencrypted).toEqual(expect.arrayContaining([shop.slug, crm.slug]));
    const [shopAfter, crmAfter] = [await rowOf(shop.id), await rowOf(crm.id)];
    expect(readSourceSecret(shopAfter)).toBe('postgres://shop:s3cret@db.internal/shop');
    expect(readSourceSecret(crmAfter)).toBe('webhook-signing-secret');
    expect(shopAfter.version).toBe(shop.version + 1);
    expect(shopAfter.secretUpdatedAt).toEqual(shop.secretUpdatedAt);
    const events = await db.select().from(requestEvents).where(eq(requestEvents.action, 'data_source_secret_reencrypted'));
    const mine = events.filter((event) => event.details.sourceId === shop.id);
    expect(mine).toHaveLength(1);
    expect(JSON.stringify(mine[0]!.details)).not.toContain('s3cret');

    const second = await reencryptSourceSecrets(db, { previousKey: secretBoxKey({ encryptionKey: previous, appSecret: '' }) });
    expect(second.current).toEqual(expect.arrayContaining([shop.slug, crm.slug]));
    expect(second.reencrypted).not.toContain(shop.slug);
    expect((await rowOf(shop.id)).secretCiphertext).toBe(shopAfter.secretCiphertext);
  });

  it('moves secrets from a key derived from the old APP_SECRET to a new ENCRYPTION_KEY, and names the ones no key reads', async () => {
    const oldAppSecret = randomBytes(32).toString('base64url');
    setEnv({ APP_SECRET: oldAppSecret, ENCRYPTION_KEY: '' });
    const derived = await aSourceWithSecret('postgres://derived@db.internal/shop');
    setEnv({ ENCRYPTION_KEY: key() });
    const lost = await aSourceWithSecret('postgres://lost@db.internal/shop');
    setEnv({ ENCRYPTION_KEY: key() });

    const result = await reencryptSourceSecrets(db, { previousKey: secretBoxKey({ appSecret: oldAppSecret }) });

    expect(result.reencrypted).toContain(derived.slug);
    expect(result.unreadable).toContain(lost.slug);
    expect(readSourceSecret(await rowOf(derived.id))).toBe('postgres://derived@db.internal/shop');
    expect((await rowOf(lost.id)).secretCiphertext).toBe(lost.secretCiphertext);
  });
});
