/** Audit event names for each kind of run, so the timeline and the exports read the same everywhere. */
export const runEventActions = {
  gather: { started: 'data_gathering_started', failed: 'data_gathering_failed', succeeded: 'data_package_built' },
  dry_run: { started: 'erasure_dry_run_started', failed: 'erasure_dry_run_failed', succeeded: 'erasure_dry_run_finished' },
  erase: { started: 'erasure_started', failed: 'erasure_failed', succeeded: 'erasure_finished' },
  correct: { started: 'correction_jobs_started', failed: 'correction_jobs_failed', succeeded: 'correction_jobs_finished' },
  opt_out: { started: 'opt_out_started', failed: 'opt_out_failed', succeeded: 'opt_out_applied' },
  restrict: { started: 'restriction_started', failed: 'restriction_failed', succeeded: 'restriction_applied' },
  object: { started: 'objection_started', failed: 'objection_failed', succeeded: 'objection_applied' },
} as const;
