import { describe, expect, it } from 'vitest';
import type { TDataSourceConfig } from '@/lib/validation/data-source';
import { ZDataSourceConfig } from '@/lib/validation/data-source';
import { planIdentityChain } from './identity-chain';

/** A one-table PostgreSQL source searched by `by` (an identity name, or email) that yields `yields`. */
function source(name: string, by: string, yields: string[] = []): { id: string; name: string; config: TDataSourceConfig } {
  return {
    id: name.toLowerCase(),
    name,
    config: ZDataSourceConfig.parse({
      kind: 'postgres',
      map: {
        tables: [
          {
            table: 'people',
            match: by === 'email' ? { column: 'email', equals: 'email' } : { column: by, identity: by },
            export: ['id'],
            erase: { action: 'delete' },
          },
        ],
        yields: yields.map((identity) => ({ identity, table: 'people', column: 'id' })),
      },
    }),
  };
}

describe('the identity chain orders sources so found identities feed the next', () => {
  it('searches the CRM after the shop that finds its customer number, and a checklist with the first', () => {
    const chain = planIdentityChain([
      source('CRM', 'shop_customer_id'),
      { id: 'backups', name: 'Backups', config: { kind: 'manual', instructions: 'Check the tapes.' } },
      source('Shop', 'email', ['shop_customer_id']),
    ]);
    expect(chain.links.map((link) => link.name)).toEqual(['Backups', 'Shop', 'CRM']);
    expect(chain.links.find((link) => link.name === 'CRM')).toMatchObject({ waitsFor: ['shop'], blocked: null, missing: [] });
    expect(chain.cycles).toEqual([]);
  });

  it('reports a source nothing can search, and the sources that wait for it', () => {
    const chain = planIdentityChain([source('CRM', 'shop_customer_id', ['crm_id']), source('Helpdesk', 'crm_id')]);
    expect(chain.links.find((link) => link.name === 'CRM')).toMatchObject({
      missing: ['shop_customer_id'],
      blocked: 'Nothing can search it: no source in this run finds shop_customer_id',
    });
    expect(chain.links.find((link) => link.name === 'Helpdesk')!.blocked).toBe('It waits for CRM, which cannot be searched');
  });

  it('reports sources that wait for each other in a loop, and one waiting on the loop', () => {
    const chain = planIdentityChain([
      source('Billing', 'crm_id', ['billing_id']),
      source('CRM', 'billing_id', ['crm_id']),
      source('Mailer', 'billing_id'),
      source('Shop', 'email'),
    ]);
    expect(chain.cycles).toEqual([['Billing', 'CRM', 'Billing']]);
    expect(chain.links.find((link) => link.name === 'CRM')!.blocked).toBe('It waits in a loop: Billing → CRM → Billing');
    expect(chain.links.find((link) => link.name === 'Mailer')!.blocked).toBe('It waits for Billing, which cannot be searched');
    expect(chain.links.find((link) => link.name === 'Shop')!.blocked).toBeNull();
  });
});

describe('a map declares the identities it yields', () => {
  it('refuses a yield from a table the map does not hold', () => {
    const parsed = ZDataSourceConfig.safeParse({
      kind: 'mysql',
      map: {
        tables: [
          { table: 'contacts', match: { column: 'customer_no', identity: 'customer_no' }, export: ['id'], erase: { action: 'delete' } },
        ],
        yields: [{ identity: 'crm_id', table: 'people', column: 'id' }],
      },
    });
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages).toContain(
      "map.yields.0.table: people is not in the map: an identity is read from the subject's rows of a mapped table",
    );
  });
});
