type CheckboxFieldsetProps = {
  /** The field the error belongs to; each box is named `<name>:<value>`, so a form schema can read the set. */
  name: string;
  legend: string;
  options: readonly { value: string; label: React.ReactNode }[];
  checked: (value: string) => boolean;
  errors?: string[];
};

/** A choice of several as checkboxes, with its error slot; the fieldset's id is the field name, for the error summary's link. */
export function CheckboxFieldset({ name, legend, options, checked, errors }: CheckboxFieldsetProps) {
  const errorId = errors?.length ? `${name}-error` : undefined;
  return (
    <fieldset id={name} aria-describedby={errorId}>
      <legend>{legend}</legend>
      {errorId ? (
        <p className="field__error" id={errorId}>
          {errors!.join(' ')}
        </p>
      ) : null}
      {options.map((option) => (
        <div className="choice" key={option.value}>
          <input type="checkbox" id={`${name}-${option.value}`} name={`${name}:${option.value}`} defaultChecked={checked(option.value)} />
          <label htmlFor={`${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
