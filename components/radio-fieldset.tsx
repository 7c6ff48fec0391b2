type RadioFieldsetProps = {
  name: string;
  legend: string;
  options: readonly { value: string; label: React.ReactNode }[];
  checked?: string;
  errors?: string[];
  /** A line under the legend (e.g. why one choice is already made). */
  hint?: React.ReactNode;
};

/** A required choice as radio buttons, with its error slot; the fieldset's id is the field name, for the error summary's link. */
export function RadioFieldset({ name, legend, options, checked, errors, hint }: RadioFieldsetProps) {
  const errorId = errors?.length ? `${name}-error` : undefined;
  return (
    <fieldset id={name} aria-describedby={errorId}>
      <legend>{legend}</legend>
      {errorId ? (
        <p className="field__error" id={errorId}>
          {errors!.join(' ')}
        </p>
      ) : null}
      {hint ? (
        <p className="field__hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {options.map((option) => (
        <div className="choice" key={option.value}>
          <input type="radio" id={`${name}-${option.value}`} name={name} value={option.value} defaultChecked={checked === option.value} />
          <label htmlFor={`${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
