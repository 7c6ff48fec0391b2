import { FormField } from '@/components/form-field';
import { EVIDENCE_ACCEPT } from '@/lib/validation/evidence-file';

/**
 * A document upload (identity document, agent's signed permission, a correction's proof): the file input offers
 * the types the server accepts, with its label, hint and error slot. It goes with the form itself (multipart),
 * so it works without JavaScript; a refused form cannot keep the file, so the hint asks to choose it again.
 */
export function EvidenceFileField({
  name,
  label,
  hint,
  errors,
  isMultiple = false,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  isMultiple?: boolean;
}) {
  return (
    <FormField id={name} label={label} hint={hint} errors={errors}>
      {(describedBy, isInvalid) => (
        <input
          id={name}
          name={name}
          type="file"
          accept={EVIDENCE_ACCEPT}
          multiple={isMultiple}
          aria-describedby={describedBy}
          aria-invalid={isInvalid || undefined}
        />
      )}
    </FormField>
  );
}
