import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const biome = path.resolve('node_modules/.bin/biome');
const plugin = path.resolve('lint/drizzle-no-unscoped-update-delete.grit');

/** Lints one file with only the plugin on and returns the lines it flags. */
async function flaggedLines(source: string): Promise<number[]> {
  const folder = await mkdtemp(path.join(tmpdir(), 'lint-plugin-'));
  try {
    await writeFile(path.join(folder, 'biome.json'), JSON.stringify({ plugins: [plugin], linter: { rules: { preset: 'none' } } }));
    await writeFile(path.join(folder, 'probe.ts'), source);
    const { stdout } = await promisify(execFile)(biome, ['lint', '--reporter=github', 'probe.ts'], { cwd: folder }).catch(
      (error: { stdout: string }) => error,
    );
    return [...stdout.matchAll(/line=(\d+)/g)].map((match) => Number(match[1]));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('lint plugin: no drizzle update or delete without where', () => {
  it('flags a delete and an update without .where(), on the line of the call', async () => {
    const source = [
      'export async function probe(db: Db, tx: Db, t: Table) {',
      '  await db.delete(t);',
      '  await tx.update(t).set({ a: 1 }).returning();',
      '}',
    ].join('\n');

    expect(await flaggedLines(source)).toEqual([2, 3]);
  });

  it('lets scoped statements, chains over several lines and other objects’ delete/update through', async () => {
    const source = [
      'export async function probe(db: Db, tx: Db, t: Table, seen: Map<string, number>, hash: Hash) {',
      '  await db.delete(t).where(condition);',
      '  await tx',
      '    .update(t)',
      '    .set({ a: 1 })',
      '    .where(condition)',
      '    .returning();',
      "  seen.delete('x');",
      "  hash.update('x');",
      '}',
    ].join('\n');

    expect(await flaggedLines(source)).toEqual([]);
  });
});
