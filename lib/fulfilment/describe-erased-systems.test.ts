import { describe, expect, it } from 'vitest';
import { demoShopMap } from '@/test/support/demo-shop';
import { describeErasedSystems } from './describe-erased-systems';

const shopResult = {
  sourceId: 'shop',
  sourceName: 'shop-db-prod',
  sourceKind: 'postgres' as const,
  rowCounts: { customers: 1, orders: 2, newsletter_subscriptions: 0 },
  proof: null,
};
const backupsResult = { sourceId: 'backups', sourceName: 'Backups', sourceKind: 'manual' as const, rowCounts: {}, proof: null };

describe('[requester] the erasure confirmation names systems and tables as a person reads them', () => {
  it('uses the source’s public name and the map’s table labels, with each table’s action', () => {
    const systems = describeErasedSystems(
      [shopResult, backupsResult],
      new Map([
        ['shop', { config: { kind: 'postgres' as const, map: demoShopMap }, publicName: 'Our online shop' }],
        ['backups', { config: { kind: 'manual' as const, instructions: 'Check.' }, publicName: 'Backups of our systems' }],
      ]),
    );
    expect(systems).toEqual([
      { name: 'Backups of our systems', isConfirmedByTeam: true, tables: [] },
      {
        name: 'Our online shop',
        isConfirmedByTeam: false,
        provenAt: null,
        tables: [
          { table: 'Your account', action: 'anonymised', rows: 1, reason: null },
          { table: 'Your orders', action: 'anonymised', rows: 2, reason: null },
          { table: 'Newsletters you subscribe to', action: 'deleted', rows: 0, reason: null },
        ],
      },
    ]);
  });

  it('names the tables in the request’s language where the map has labels in it, in English where it has not', () => {
    const sources = new Map([['shop', { config: { kind: 'postgres' as const, map: demoShopMap }, publicName: 'Unser Onlineshop' }]]);
    const tablesIn = (language: string) => describeErasedSystems([shopResult], sources, language)[0]!.tables.map((table) => table.table);
    expect(tablesIn('de')).toEqual(['Ihr Kundenkonto', 'Ihre Bestellungen', 'Ihre Newsletter-Abonnements']);
    expect(tablesIn('es')).toEqual(['Your account', 'Your orders', 'Newsletters you subscribe to']);
  });

  it('falls back to the staff name and the table name where no label was given', () => {
    const [system] = describeErasedSystems(
      [shopResult],
      new Map([
        ['shop', { config: { kind: 'postgres' as const, map: { tables: demoShopMap.tables.map(({ label: _, ...table }) => table) } } }],
      ]),
    );
    expect(system).toMatchObject({
      name: 'shop-db-prod',
      tables: [{ table: 'customers' }, { table: 'orders' }, { table: 'newsletter_subscriptions' }],
    });
  });
});
