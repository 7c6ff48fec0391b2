'use client';

import { useState } from 'react';
import type { CatalogTable, SourceCatalog } from '@/lib/data-sources/read-source-catalog';

type MapTableDraft = { table: string; schema?: string; match?: unknown; export?: unknown; [key: string]: unknown };

/**
 * The tables and columns the source database holds (read by Test connection), each addable to
 * the map in the JSON editor above: a column goes into its table's "export", a table not in the
 * map yet is added with a match rule on its email column when it has one (otherwise the rule is
 * left for the admin to fill, and the check on saving says so). The JSON stays the single truth:
 * the picker edits the text, so anything it cannot express is still written by hand.
 */
export function SchemaPicker({ catalog, mapFieldId }: { catalog: SourceCatalog; mapFieldId: string }) {
  const [said, setSaid] = useState('');

  function addToMap(table: CatalogTable, columns: string[]) {
    const field = document.getElementById(mapFieldId) as HTMLTextAreaElement | null;
    if (!field) return;
    let map: { tables?: MapTableDraft[]; [key: string]: unknown };
    try {
      map = field.value.trim() ? JSON.parse(field.value) : {};
    } catch {
      setSaid('The map is not valid JSON yet: fix it first, then add columns.');
      return;
    }
    if (typeof map !== 'object' || map === null || Array.isArray(map)) {
      setSaid('The map must be a JSON object with "tables": fix it first, then add columns.');
      return;
    }
    const tables = Array.isArray(map.tables) ? map.tables : [];
    let entry = tables.find((candidate) => candidate.table === table.table && (candidate.schema ?? null) === table.schema);
    const isNew = !entry;
    if (!entry) {
      entry = {
        table: table.table,
        ...(table.schema ? { schema: table.schema } : {}),
        match: { column: table.columns.includes('email') ? 'email' : '', equals: 'email' },
        export: [],
        erase: { action: 'delete' },
      };
      tables.push(entry);
    }
    const exported = Array.isArray(entry.export) ? (entry.export as string[]) : [];
    const added = columns.filter((column) => !exported.includes(column));
    entry.export = [...exported, ...added];
    field.value = JSON.stringify({ ...map, tables }, null, 2);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    const name = table.schema ? `${table.schema}.${table.table}` : table.table;
    setSaid(
      added.length === 0
        ? `${name}: already exported.`
        : `${isNew ? `Added ${name} to the map` : `${name}`}: exporting ${added.join(', ')}.${
            isNew && !table.columns.includes('email') ? ' Fill in its match rule: it has no email column.' : ''
          }`,
    );
  }

  return (
    <section aria-labelledby="schema-picker-heading" className="schema-picker">
      <h3 id="schema-picker-heading">Tables in the database</h3>
      <p className="field__hint">
        {catalog.tables.length === 0
          ? 'The connection can read no tables.'
          : `Add a table or a column to the map above; the JSON changes as you pick.${catalog.isCut ? ` Only the first ${catalog.tables.length} tables are listed.` : ''}`}
      </p>
      <p role="status" className="schema-picker__said">
        {said}
      </p>
      <ul className="schema-picker__tables">
        {catalog.tables.map((table) => {
          const name = table.schema ? `${table.schema}.${table.table}` : table.table;
          return (
            <li key={name}>
              <details>
                <summary>
                  {name} <span className="muted">({table.columns.length} columns)</span>
                </summary>
                <button
                  type="button"
                  className="button--secondary"
                  onClick={() => addToMap(table, table.columns)}
                  aria-label={`Export every column of ${name}`}
                >
                  Export every column
                </button>
                <ul className="schema-picker__columns">
                  {table.columns.map((column) => (
                    <li key={column}>
                      <code>{column}</code>{' '}
                      <button
                        type="button"
                        className="button--secondary"
                        onClick={() => addToMap(table, [column])}
                        aria-label={`Export ${column} of ${name}`}
                      >
                        Export
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
