/** Audit event names for each kind of run, so the timeline and the exports read the same everywhere. */
export const runEventActions = {
  gather: { started: 'data_gathering_started', failed: 'data_gathering_failed', succeeded: 'data_package_built' },
  dry_run: { started: 'erasure_dry_run_started', failed: 'erasure_dry_run_failed', succeeded: 'erasure_dry_run_finished' },
  erase: { started: 'erasure_started', failed: 'erasure_failed', succeeded: 'erasure_finished' },
} as const;
