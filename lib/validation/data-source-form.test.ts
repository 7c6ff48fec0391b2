import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { demoShopMap } from '@/test/support/demo-shop';
import { ZCreateDataSourceForm, ZUpdateDataSourceForm } from './data-source-form';

const postgresForm = (overrides: Record<string, string> = {}) => ({
  kind: 'postgres',
  name: 'Shop database',
  slug: '',
  isEnabled: 'on',
  usedForAccess: 'on',
  usedForErasure: 'on',
  connectionString: 'postgres://reader:pw@db.internal:5432/shop',
  map: JSON.stringify(demoShopMap),
  ...overrides,
});

function fieldErrors(result: z.ZodSafeParseResult<unknown>): Record<string, string[] | undefined> {
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
}

describe('the data source forms', () => {
  it('turn a PostgreSQL form into settings, with a slug made from the name when left blank', () => {
    const parsed = ZCreateDataSourceForm.parse(postgresForm());
    expect(parsed).toEqual({
      slug: 'shop-database',
      name: 'Shop database',
      publicName: null,
      isEnabled: true,
      usedForAccess: true,
      usedForErasure: true,
      config: { kind: 'postgres', map: demoShopMap },
      connectionString: 'postgres://reader:pw@db.internal:5432/shop',
    });
  });

  it('report JSON that does not parse on the map field', () => {
    const errors = fieldErrors(ZCreateDataSourceForm.safeParse(postgresForm({ map: '{ "tables": [ }' })));
    expect(errors.map).toEqual([expect.stringMatching(/^The map is not valid JSON: /)]);
  });

  it('report every problem in the map on the map field, each with its path', () => {
    const map = { tables: [{ table: 'customers', match: { column: 'email', equals: 'phone' }, export: [], erase: { action: 'shred' } }] };
    const errors = fieldErrors(ZCreateDataSourceForm.safeParse(postgresForm({ map: JSON.stringify(map) })));
    expect(errors.map).toEqual(
      expect.arrayContaining([
        'tables[0].match: match is { "column": …, "equals": "email" or "account_identifier" }, { "column": …, "identity": "shop_customer_id" } or { "column": …, "references": { "table": …, "column": … } }',
        'tables[0].export: List at least one column to export',
        'tables[0].erase.action: erase.action is "delete", "anonymise" or "keep"',
      ]),
    );
  });

  it('refuse a connection string that is not a postgres:// URL without repeating it', () => {
    const errors = fieldErrors(ZCreateDataSourceForm.safeParse(postgresForm({ connectionString: 'mysql://root:topsecret@db/shop' })));
    expect(errors.connectionString).toEqual(['Enter a postgres:// connection string, e.g. postgres://user:password@host:5432/database']);
  });

  it('require a connection string for a new PostgreSQL source, but not when editing (blank keeps the saved one)', () => {
    expect(fieldErrors(ZCreateDataSourceForm.safeParse(postgresForm({ connectionString: '' }))).connectionString).toEqual([
      'Enter the connection string',
    ]);
    const { slug: _, isEnabled: __, ...fields } = postgresForm({ connectionString: '' });
    expect(ZUpdateDataSourceForm.parse({ ...fields, slug: 'shop-database', version: '3' })).toMatchObject({
      slug: 'shop-database',
      version: 3,
      settings: { connectionString: null },
    });
  });

  it('need the source to be used for access, erasure or both', () => {
    const errors = fieldErrors(ZCreateDataSourceForm.safeParse(postgresForm({ usedForAccess: '', usedForErasure: '' })));
    expect(errors.usedForAccess).toEqual(['Use the source for access requests, erasure or both']);
  });

  it('put webhook problems on their own fields and default the timeout, tries and callback wait', () => {
    const base = { kind: 'webhook', name: 'CRM', slug: 'crm', isEnabled: 'on', usedForAccess: 'on', usedForErasure: 'on' };
    expect(fieldErrors(ZCreateDataSourceForm.safeParse({ ...base, url: 'ftp://crm', timeoutSeconds: '500', maxAttempts: '' }))).toEqual({
      url: ['Enter an http:// or https:// URL'],
      timeoutSeconds: ['At most 120 seconds'],
    });
    expect(
      ZCreateDataSourceForm.parse({ ...base, url: 'https://crm.example.test/dsr', timeoutSeconds: '', maxAttempts: '' }).config,
    ).toEqual({
      kind: 'webhook',
      url: 'https://crm.example.test/dsr',
      timeoutSeconds: 15,
      maxAttempts: 3,
      callbackTimeoutHours: 72,
    });
    expect(
      fieldErrors(ZCreateDataSourceForm.safeParse({ ...base, url: 'https://crm.example.test/dsr', callbackTimeoutHours: '0' })),
    ).toEqual({
      callbackTimeoutHours: ['At least 1 hour'],
    });
  });

  it('read the facts a webhook checks for identity verification from one checkbox each', () => {
    const form = { kind: 'webhook', name: 'CRM', slug: 'crm', usedForAccess: 'on', url: 'https://crm.example.test/dsr' };
    expect(ZCreateDataSourceForm.parse({ ...form, 'verifies.phone': 'on', 'verifies.date_of_birth': 'on' }).config).toMatchObject({
      verifies: ['phone', 'date_of_birth'],
    });
  });

  it('need instructions for a manual source', () => {
    const form = {
      kind: 'manual',
      name: 'Paper files',
      slug: '',
      isEnabled: 'on',
      usedForAccess: 'on',
      usedForErasure: 'on',
      instructions: '  ',
    };
    expect(fieldErrors(ZCreateDataSourceForm.safeParse(form)).instructions).toEqual(['Say what the agent checks or does']);
  });
});
