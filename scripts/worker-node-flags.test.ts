import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSupervisor } from './supervisor';
import { WORKER_NODE_FLAGS } from './worker-node-flags';

describe("the worker's Node flags", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('`npm run worker` and `npm run bench:mail` (the worker measured in its process) pass the same flags as `npm start` does', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    for (const flag of WORKER_NODE_FLAGS) {
      expect(scripts.worker).toContain(flag);
      expect(scripts['bench:mail']).toContain(flag);
    }
  });

  it('the supervisor starts a child with its flags, and V8 takes them', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-node-flags-'));
    cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
    const script = path.join(directory, 'probe.ts');
    const report = path.join(directory, 'report.json');
    writeFileSync(
      script,
      `import { writeFileSync } from 'node:fs';
       import v8 from 'node:v8';
       writeFileSync(${JSON.stringify(report)}, JSON.stringify({ execArgv: process.execArgv, heapLimit: v8.getHeapStatistics().heap_size_limit }));
       console.log('[probe] ready');
       setInterval(() => {}, 1000);`,
    );
    const lines: string[] = [];
    const supervisor = startSupervisor(
      [{ name: 'probe', script, nodeFlags: ['--max-old-space-size=96', ...WORKER_NODE_FLAGS], readyLine: '[probe] ready' }],
      {
        env: process.env,
        log: (line) => lines.push(line),
      },
    );
    cleanups.push(() => supervisor.stop());
    await supervisor.start();
    const { execArgv, heapLimit } = JSON.parse(readFileSync(report, 'utf8')) as { execArgv: string[]; heapLimit: number };
    expect(execArgv).toEqual(expect.arrayContaining(WORKER_NODE_FLAGS));
    // The old generation's cap (96 MB) plus the young generation's spaces: far below V8's default of about 4 GB here.
    expect(heapLimit / 1024 / 1024).toBeLessThan(140);
  });
});
