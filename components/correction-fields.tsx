import { EvidenceFileField } from '@/components/evidence-file-field';
import { CORRECTION_FORM_LINES, correctionFieldMaxLengths } from '@/lib/validation/correction-request';

export type CorrectionFieldsLabels = {
  legend: string;
  hint: string;
  field: string;
  currentValue: string;
  shouldBe: string;
  attachments: string;
  attachmentsHint: string;
};

const parts = ['field', 'currentValue', 'shouldBe'] as const;

/**
 * A correction's structured lines ("field, what it says now, what it should be") and its proof documents, for the public
 * form and the staff filing form. Posted as correctionFields.<n>.<part> (gatherCorrectionFields) and correctionAttachments.
 */
export function CorrectionFields({
  labels,
  values,
  errors,
}: {
  labels: CorrectionFieldsLabels;
  values: Partial<Record<string, string>>;
  errors: { correctionFields?: string[]; correctionAttachments?: string[] };
}) {
  const echoedLines = Object.keys(values).filter((key) => key.startsWith('correctionFields.') && key.endsWith('.field')).length;
  const lineCount = Math.max(CORRECTION_FORM_LINES, echoedLines);
  const isInvalid = Boolean(errors.correctionFields?.length);
  const describedBy = isInvalid ? 'correctionFields-hint correctionFields-error' : 'correctionFields-hint';
  return (
    <fieldset className={errors.correctionFields?.length ? 'field field--invalid' : 'field'} id="correctionFields-field">
      <legend>{labels.legend}</legend>
      <p className="field__hint" id="correctionFields-hint">
        {labels.hint}
      </p>
      {errors.correctionFields?.length ? (
        <p className="field__error" id="correctionFields-error">
          {errors.correctionFields.join(' ')}
        </p>
      ) : null}
      <table className="correction-fields">
        <thead>
          <tr>
            {parts.map((part) => (
              <th key={part} scope="col">
                {labels[part]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: lineCount }, (_, line) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines are fixed slots, numbered by their position
            <tr key={line}>
              {parts.map((part) => (
                <td key={part}>
                  <input
                    // The error summary links to #correctionFields: the first box.
                    id={line === 0 && part === 'field' ? 'correctionFields' : undefined}
                    name={`correctionFields.${line}.${part}`}
                    aria-label={`${labels[part]} (${line + 1})`}
                    maxLength={correctionFieldMaxLengths[part]}
                    defaultValue={values[`correctionFields.${line}.${part}`]}
                    aria-describedby={describedBy}
                    aria-invalid={isInvalid || undefined}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <EvidenceFileField
        name="correctionAttachments"
        label={labels.attachments}
        hint={labels.attachmentsHint}
        errors={errors.correctionAttachments}
        isMultiple
      />
    </fieldset>
  );
}
