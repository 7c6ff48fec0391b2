import type { ReactNode } from 'react';

type FormFieldProps = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (describedBy: string | undefined, isInvalid: boolean) => ReactNode;
};

/** A label, an optional hint, the control, and its error slot (a list when there are several), wired together for screen readers. */
export function FormField({ id, label, hint, errors, children }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={errors?.length ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {errorId && errors!.length > 1 ? (
        <ul className="field__error" id={errorId}>
          {errors!.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : errorId ? (
        <p className="field__error" id={errorId}>
          {errors![0]}
        </p>
      ) : null}
      {children(describedBy, Boolean(errors?.length))}
    </div>
  );
}
