import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { SupervisedChild } from './web/supervised-state';

export type ChildSpec = {
  name: string;
  /** A TypeScript entry point, run with tsx. */
  script: string;
  args?: string[];
  /** Node and V8 flags for this child (its memory limits), given before the script. */
  nodeFlags?: string[];
  /** The line the child prints once it serves. */
  readyLine: string;
  /** Gets the supervisor's view of every child over an IPC channel (the web process, for /api/health/ready). */
  receivesState?: boolean;
};

const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/** A child that ran this long before exiting starts its backoff again from the shortest delay. */
const STABLE_AFTER_MS = 60_000;
const STOP_GRACE_MS = 15_000;

/**
 * Runs each process as a child and restarts one that exits (a crash, an uncaught error,
 * the OOM killer) after a growing delay, logging each exit. Every child stays in this
 * process's group, so signalling the group (as the e2e set-up does) reaches them all.
 */
export function startSupervisor(specs: ChildSpec[], { env, log }: { env: NodeJS.ProcessEnv; log: (line: string) => void }) {
  const tsx = path.resolve('node_modules/.bin/tsx');
  const states = new Map<string, SupervisedChild>(
    specs.map((spec) => [spec.name, { name: spec.name, state: 'starting', restarts: 0, lastExit: null }]),
  );
  const children = new Map<string, ChildProcess>();
  let isStopping = false;

  const broadcast = () => {
    const supervised = [...states.values()];
    for (const spec of specs) {
      const child = children.get(spec.name);
      if (spec.receivesState && child?.connected) child.send({ supervised }, () => {});
    }
  };
  const setState = (name: string, change: Partial<SupervisedChild>) => {
    Object.assign(states.get(name)!, change);
    broadcast();
  };

  function launch(spec: ChildSpec, attempt: number): Promise<void> {
    return new Promise((resolve) => {
      const startedAt = Date.now();
      const child = spawn(tsx, [...(spec.nodeFlags ?? []), spec.script, ...(spec.args ?? [])], {
        env,
        stdio: spec.receivesState ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
      });
      children.set(spec.name, child);
      let isReady = false;
      const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
        stream.write(chunk);
        if (!isReady && chunk.toString().includes(spec.readyLine)) {
          isReady = true;
          setState(spec.name, { state: 'running' });
          resolve();
        }
      };
      child.stdout!.on('data', forward(process.stdout));
      child.stderr!.on('data', forward(process.stderr));
      child.once('exit', (code, signal) => {
        children.delete(spec.name);
        const how = signal ? `signal ${signal}` : `exit code ${code}`;
        if (isStopping) return setState(spec.name, { state: 'stopped', lastExit: how });
        const backoff = Date.now() - startedAt > STABLE_AFTER_MS ? 0 : attempt;
        const delay = BACKOFF_MS[Math.min(backoff, BACKOFF_MS.length - 1)]!;
        const nextAttempt = backoff + 1;
        log(`${spec.name} exited (${how}); restarting in ${delay / 1000} s`);
        setState(spec.name, {
          state: 'restarting',
          restarts: states.get(spec.name)!.restarts + 1,
          lastExit: `${how} at ${new Date().toISOString()}`,
        });
        setTimeout(() => {
          if (!isStopping) void launch(spec, nextAttempt).then(resolve);
        }, delay);
      });
    });
  }

  return {
    /** Starts the children in order, each once the one before is ready. */
    async start(): Promise<void> {
      for (const spec of specs) await launch(spec, 0);
    },
    async stop(): Promise<void> {
      isStopping = true;
      // Web first (no new work), then the worker finishes or releases its jobs, the mail catcher last.
      for (const spec of [...specs].reverse()) {
        const child = children.get(spec.name);
        if (!child) continue;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
