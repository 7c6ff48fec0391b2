'use client';

import { useTranslations } from 'next-intl';

type EmailSuggestionProps = { id: string; suggestion: string | null; onAccept: (address: string) => void };

/** The "Did you mean …?" line under an email field; accepting it fills the field in. Announced politely to screen readers. */
export function EmailSuggestion({ id, suggestion, onAccept }: EmailSuggestionProps) {
  const t = useTranslations('form');
  return (
    <p className="field__hint" id={id} aria-live="polite">
      {suggestion
        ? t.rich('didYouMean', {
            suggestion: () => (
              <button type="button" className="link-button" onClick={() => onAccept(suggestion)}>
                {suggestion}
              </button>
            ),
          })
        : null}
    </p>
  );
}
