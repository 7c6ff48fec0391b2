import type { ActionState } from '../../action-state';

/**
 * A staff form's failure message. A stale page (someone else acted first) gets a
 * Reload link instead of a retry, since the form's version can no longer succeed.
 */
export function FormProblem({ state, reference }: { state: ActionState; reference: string }) {
  if (!state.formError) return null;
  return (
    <div className="error-summary" role="alert">
      <p className="form-problem__message">{state.formError}</p>
      {state.isConflict ? (
        // A full page load, not a client transition, so every form gets the new version.
        <a href={`/staff/requests/${encodeURIComponent(reference)}`}>Reload the request</a>
      ) : null}
    </div>
  );
}
