export type SupervisedChild = {
  name: string;
  state: 'starting' | 'running' | 'restarting' | 'stopped';
  restarts: number;
  lastExit: string | null;
};
export type SupervisedState = SupervisedChild[];

/**
 * What `npm start`'s supervisor last told this web process (over the IPC channel)
 * about the processes it runs, for /api/health/ready. Null when the web process was
 * started on its own (a deployment that supervises it otherwise).
 */
export function supervisedState(): { current(): SupervisedState | null } {
  let state: SupervisedState | null = null;
  process.on('message', (message: unknown) => {
    if (message && typeof message === 'object' && 'supervised' in message) state = (message as { supervised: SupervisedState }).supervised;
  });
  return { current: () => state };
}
