import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const sources = ['app', 'components', 'lib', 'emails', 'db', 'proxy.ts', 'auth.ts', 'next.config.mjs', 'package-lock.json'];

/** Runs `next build` when there is no build yet or a source file is newer than it. */
export function buildIfNeeded(log: (line: string) => void): void {
  const buildId = path.resolve('.next/BUILD_ID');
  if (existsSync(buildId) && newestModification(sources) <= statSync(buildId).mtimeMs) return;
  log('building the web app (next build); this takes a minute the first time…');
  const result = spawnSync(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'build'], {
    stdio: 'inherit',
    env: process.env,
  });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
}

function newestModification(paths: string[]): number {
  let newest = 0;
  for (const entry of paths) {
    if (!existsSync(entry)) continue;
    const stats = statSync(entry);
    if (stats.isDirectory()) {
      const children = readdirSync(entry).map((child) => path.join(entry, child));
      newest = Math.max(newest, newestModification(children));
    } else {
      newest = Math.max(newest, stats.mtimeMs);
    }
  }
  return newest;
}
