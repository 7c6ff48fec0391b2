import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';

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

/** What a field wires itself (aria-invalid only while there is an error: absent means valid); the rest of a control's attributes pass through. */
type WiredAttributes = 'id' | 'children' | 'aria-describedby' | 'aria-invalid';
type FieldProps = Omit<FormFieldProps, 'children'> & { name?: string };

/** A FormField around one input, named as its id unless told; a number input gets the numeric keyboard. */
export function InputField({
  id,
  label,
  hint,
  errors,
  name = id,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, WiredAttributes | 'name'>) {
  return (
    <FormField id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, isInvalid) => (
        <input
          inputMode={input.type === 'number' ? 'numeric' : undefined}
          {...input}
          id={id}
          name={name}
          aria-describedby={describedBy}
          aria-invalid={isInvalid || undefined}
        />
      )}
    </FormField>
  );
}

/** A FormField around one textarea, named as its id unless told. */
export function TextAreaField({
  id,
  label,
  hint,
  errors,
  name = id,
  ...textarea
}: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, WiredAttributes | 'name'>) {
  return (
    <FormField id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, isInvalid) => (
        <textarea {...textarea} id={id} name={name} aria-describedby={describedBy} aria-invalid={isInvalid || undefined} />
      )}
    </FormField>
  );
}
