/** A secret shown once, right after it was made: selectable for copying, labelled, and never rendered again. */
export function OneTimeSecret({
  secret,
  label = 'Signing secret',
  hint = 'Select it and copy it into the other system’s configuration now. dsr-desk keeps it only encrypted; if it is lost, make a new one.',
}: {
  secret: string;
  label?: string;
  hint?: string;
}) {
  return (
    <div className="panel secret-once" role="status">
      <div className="field">
        <label htmlFor="one-time-secret">{label} (shown once)</label>
        <p className="field__hint" id="one-time-secret-hint">
          {hint}
        </p>
        <input
          type="text"
          id="one-time-secret"
          readOnly
          value={secret}
          className="code-input"
          aria-describedby="one-time-secret-hint"
          spellCheck={false}
        />
      </div>
    </div>
  );
}
