import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';
import { type Child, startChild } from './support/child-process';
import { type FaultCluster, startFaultCluster } from './support/fault-cluster';

type Stats = { succeeded: number; failed: number; lastError: string };
type Probe = { answered: number; failed: number; slowestMs: number; errors: string[] };

let cluster: FaultCluster;
let load: Child;
let probeUrl: string;

async function getJson<T>(path: string): Promise<T> {
  try {
    return (await (await fetch(`${probeUrl}${path}`)).json()) as T;
  } catch (error) {
    throw new Error(`the load process does not answer (alive: ${load.isAlive()}):\n${load.output().slice(-2000)}`, { cause: error });
  }
}

beforeAll(async () => {
  cluster = await startFaultCluster('restart');
  const port = await freePort();
  probeUrl = `http://127.0.0.1:${port}`;
  load = startChild('test/faults/support/database-load.ts', {
    DATABASE_URL: cluster.databaseUrl,
    PROBE_PORT: String(port),
    LOAD_CLIENTS: '30',
  });
  await load.waitForOutput('ready');
});

afterAll(async () => {
  await load?.kill();
  await cluster?.remove();
});

describe('postgres.js through a PostgreSQL restart under load (patches/postgres+*.patch)', () => {
  it('[driver] a process keeps running through three restarts and every pooled connection serves again', async () => {
    for (let restart = 1; restart <= 3; restart++) {
      const before = await getJson<Stats>('/stats');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await cluster.restart({ downForMs: 500 });
      // The load loops must make progress again after the restart…
      const deadline = Date.now() + 10_000;
      let after = await getJson<Stats>('/stats');
      while (after.succeeded <= before.succeeded + 200 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        after = await getJson<Stats>('/stats');
      }
      expect(load.isAlive(), `the load process died:\n${load.output().slice(-2000)}`).toBe(true);
      expect(after.succeeded, `restart ${restart}: no progress after the restart (last error: ${after.lastError})`).toBeGreaterThan(
        before.succeeded + 200,
      );
      // …and no connection may be left wedged: 40 queries at once all answer, promptly.
      const probe = await getJson<Probe>('/probe');
      expect(probe, `restart ${restart}`).toMatchObject({ answered: 40, failed: 0 });
      expect(probe.slowestMs, `restart ${restart}`).toBeLessThan(5_000);
    }
    // The restarts did cut statements in flight: the faults were real.
    expect((await getJson<Stats>('/stats')).failed).toBeGreaterThan(0);
    expect(load.output()).not.toMatch(/Cannot read properties of null/);
  });
});
