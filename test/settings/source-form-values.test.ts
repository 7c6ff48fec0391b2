import { describe, expect, it } from 'vitest';
import { savedSourceValues } from '@/app/(staff)/staff/settings/sources/source-form-values';
import type { DataSourceView } from '@/lib/data-sources/data-source-view';
import { ZPostgresMap } from '@/lib/validation/data-source';

describe('[admin] editing a database source', () => {
  it('shows every key of the saved map, so saving the form again keeps corrections, opt-outs, restriction, objection and identity checks', () => {
    const map = ZPostgresMap.parse({
      tables: [
        {
          table: 'customers',
          match: { column: 'email', equals: 'email' },
          export: ['id', 'email', 'phone'],
          erase: { action: 'delete' },
          correctable: ['phone'],
          optOut: { marketing_unsubscribe: { column: 'marketing_opt_in', value: false } },
          restriction: { column: 'processing_restricted', value: true },
          objection: [{ column: 'profiling_allowed', value: false }],
          verification: { phone: 'phone' },
        },
      ],
    });
    const source = {
      kind: 'postgres',
      name: 'Shop database',
      publicName: null,
      usedForAccess: true,
      usedForErasure: true,
      config: { kind: 'postgres', map },
    } as unknown as DataSourceView;

    const shown = JSON.parse(savedSourceValues(source).map);
    expect(ZPostgresMap.parse(shown)).toEqual(map);
    expect(Object.keys(shown.tables[0]).slice(0, 4)).toEqual(['table', 'match', 'export', 'erase']);
  });
});
