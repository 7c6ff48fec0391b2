'use client';

import { useActionState, useState } from 'react';
import { type ActionState, initialActionState } from '../../action-state';
import { applyCorrectionAction, type CorrectionPreviewState, previewCorrectionAction } from './fulfilment-actions';
import { FormProblem } from './form-problem';

/** A value to correct; `suggestedValue` is what the requester said that column should be (suggestCorrectedValue). */
export type CorrectionOption = { value: string; label: string; suggestedValue?: string };

type CorrectionFormProps = { reference: string; version: number; options: CorrectionOption[] };

/**
 * Pick a value, type what it should be, preview (old beside new, nothing written), then apply.
 * Apply carries the old value the agent saw: if the source holds another by then, nothing is written.
 */
export function CorrectionForm({ reference, version, options }: CorrectionFormProps) {
  const [previewState, previewAction, isPreviewing] = useActionState<CorrectionPreviewState, FormData>(
    previewCorrectionAction,
    initialActionState,
  );
  const [applyState, applyAction, isApplying] = useActionState<ActionState, FormData>(applyCorrectionAction, initialActionState);
  const preview = previewState.preview;
  const values = previewState.values ?? {};
  const [newValue, setNewValue] = useState(values.newValue ?? '');
  return (
    <>
      <form action={previewAction} className="request-action">
        <FormProblem state={previewState.preview ? { values } : previewState} reference={reference} />
        <input type="hidden" name="reference" value={reference} />
        <input type="hidden" name="version" value={version} />
        <div className="field">
          <label htmlFor="correction-target">Value to correct</label>
          <select
            id="correction-target"
            name="target"
            defaultValue={values.target ?? ''}
            required
            onChange={(event) => {
              const suggested = options.find((option) => option.value === event.target.value)?.suggestedValue;
              if (suggested !== undefined) setNewValue(suggested);
            }}
          >
            <option value="" disabled>
              Choose a value…
            </option>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          {previewState.fieldErrors?.target ? <p className="field__error">{previewState.fieldErrors.target[0]}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="correction-new-value">Corrected value</label>
          <input
            id="correction-new-value"
            name="newValue"
            value={newValue}
            onChange={(event) => setNewValue(event.target.value)}
            maxLength={2000}
            required
          />
          {previewState.fieldErrors?.newValue ? <p className="field__error">{previewState.fieldErrors.newValue[0]}</p> : null}
        </div>
        <button type="submit" className="button--secondary" disabled={isPreviewing}>
          {isPreviewing ? 'Reading…' : 'Preview the correction'}
        </button>
      </form>
      {preview ? (
        <form action={applyAction} className="request-action">
          <FormProblem state={applyState} reference={reference} />
          <table className="data-table">
            <caption>
              {preview.sourceName} · <code>{preview.table}</code> · <code>{preview.column}</code>
            </caption>
            <thead>
              <tr>
                <th scope="col">Now</th>
                <th scope="col">After the correction</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td data-testid="correction-old-value">{preview.oldValue ?? '(empty)'}</td>
                <td data-testid="correction-new-value">{preview.newValue}</td>
              </tr>
            </tbody>
          </table>
          <input type="hidden" name="reference" value={reference} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="target" value={values.target ?? ''} />
          <input type="hidden" name="newValue" value={preview.newValue} />
          {preview.oldValue === null ? null : <input type="hidden" name="expectedOldValue" value={preview.oldValue} />}
          <button type="submit" disabled={isApplying}>
            {isApplying ? 'Applying…' : 'Apply the correction'}
          </button>
        </form>
      ) : null}
    </>
  );
}
