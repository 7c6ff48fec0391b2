'use client';

type EmailSuggestionProps = { id: string; suggestion: string | null; onAccept: (address: string) => void };

/** The "Did you mean …?" line under an email field; accepting it fills the field in. Announced politely to screen readers. */
export function EmailSuggestion({ id, suggestion, onAccept }: EmailSuggestionProps) {
  return (
    <p className="field__hint" id={id} aria-live="polite">
      {suggestion ? (
        <>
          Did you mean{' '}
          <button type="button" className="link-button" onClick={() => onAccept(suggestion)}>
            {suggestion}
          </button>
          ?
        </>
      ) : null}
    </p>
  );
}
