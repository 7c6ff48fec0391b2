import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));

export type Child = {
  process: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  exitCode(): number | null;
  isAlive(): boolean;
  /** Resolves once a line containing `text` appears in its output. */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
};

/** Runs a TypeScript entry point with tsx in its own process group, keeping its output for assertions. */
export function startChild(script: string, env: Record<string, string>, args: string[] = [], nodeFlags: string[] = []): Child {
  // tsx as a loader in one process (not its CLI wrapper, which forwards signals to a second one),
  // so a signal reaches the code under test directly and the exit code is its own.
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script, ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...env } as NodeJS.ProcessEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exitCode: number | null = null;
  let hasExited = false;
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      hasExited = true;
      exitCode = code ?? (signal ? 128 : null);
      resolve();
    }),
  );
  return {
    process: child,
    output: () => output,
    exitCode: () => exitCode,
    isAlive: () => !hasExited,
    async waitForOutput(text, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes(text)) {
        if (hasExited) throw new Error(`${script} exited (${exitCode}) before printing "${text}":\n${output.slice(-3000)}`);
        if (Date.now() > deadline) throw new Error(`${script} did not print "${text}" within ${timeoutMs} ms:\n${output.slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async kill(signal = 'SIGTERM') {
      if (hasExited || child.pid === undefined) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {}
      }, 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
