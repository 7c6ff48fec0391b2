import { afterEach } from 'vitest';
import { resetEnvForTests } from '@/lib/env';

/**
 * Lets a test change environment variables; every change is undone after each
 * test and the cached env() is re-read both times.
 */
export function useEnvOverrides(): (variables: Record<string, string>) => void {
  const saved = new Map<string, string | undefined>();
  afterEach(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    saved.clear();
    resetEnvForTests();
  });
  return (variables) => {
    for (const [name, value] of Object.entries(variables)) {
      if (!saved.has(name)) saved.set(name, process.env[name]);
      process.env[name] = value;
    }
    resetEnvForTests();
  };
}
