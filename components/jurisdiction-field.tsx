import { useTranslations } from 'next-intl';
import { FormField } from './form-field';

export type JurisdictionOption = { code: string; label: string };

type JurisdictionFieldProps = { label: string; hint: string; jurisdictions: JurisdictionOption[]; value?: string; errors?: string[] };

/** The region a request is made under (it sets the legal deadline): the public form and staff filing share it. */
export function JurisdictionField({ label, hint, jurisdictions, value, errors }: JurisdictionFieldProps) {
  const t = useTranslations('form');
  return (
    <FormField id="jurisdiction" label={label} hint={hint} errors={errors}>
      {(describedBy, isInvalid) => (
        <select
          id="jurisdiction"
          name="jurisdiction"
          required
          defaultValue={value ?? ''}
          aria-describedby={describedBy}
          aria-invalid={isInvalid}
        >
          <option value="" disabled>
            {t('chooseRegion')}
          </option>
          {jurisdictions.map((jurisdiction) => (
            <option key={jurisdiction.code} value={jurisdiction.code}>
              {jurisdiction.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
