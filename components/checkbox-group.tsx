import type { ReactNode } from 'react';

type CheckboxProps = { id: string; name?: string; value?: string; label: ReactNode; isChecked?: boolean };

/** One checkbox and its label, named as its id unless told. */
export function Checkbox({ id, name = id, value, label, isChecked }: CheckboxProps) {
  return (
    <div className="choice">
      <input type="checkbox" id={id} name={name} value={value} defaultChecked={isChecked} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

type CheckboxGroupProps = {
  /** The fieldset's id, for an error summary's link; also names the hint and error slots unless hintId says otherwise. */
  id?: string;
  legend: string;
  hint?: ReactNode;
  hintId?: string;
  errors?: string[];
  className?: string;
  boxes: readonly CheckboxProps[];
  /** Said in place of the boxes when there are none. */
  empty?: string;
};

/** Checkboxes under one legend, with an optional hint and error slot that the fieldset is described by. */
export function CheckboxGroup({ id, legend, hint, hintId = `${id}-hint`, errors, className, boxes, empty }: CheckboxGroupProps) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hint ? hintId : undefined, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={id} className={className} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p className="field__error" id={errorId}>
          {errors!.join(' ')}
        </p>
      ) : null}
      {boxes.length === 0 && empty ? <p className="empty-state">{empty}</p> : null}
      {boxes.map((box) => (
        <Checkbox key={box.id} {...box} />
      ))}
    </fieldset>
  );
}

type CheckboxFieldsetProps = {
  /** The field the error belongs to; each box is named `<name>:<value>`, so a form schema can read the set. */
  name: string;
  legend: string;
  options: readonly { value: string; label: ReactNode }[];
  checked: (value: string) => boolean;
  errors?: string[];
};

/** A choice of several as checkboxes, with its error slot; the fieldset's id is the field name, for the error summary's link. */
export function CheckboxFieldset({ name, legend, options, checked, errors }: CheckboxFieldsetProps) {
  return (
    <CheckboxGroup
      id={name}
      legend={legend}
      errors={errors}
      boxes={options.map((option) => ({
        id: `${name}-${option.value}`,
        name: `${name}:${option.value}`,
        label: option.label,
        isChecked: checked(option.value),
      }))}
    />
  );
}
