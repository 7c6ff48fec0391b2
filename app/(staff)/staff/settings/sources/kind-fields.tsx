import { CheckboxGroup } from '@/components/checkbox-group';
import { FormField, InputField, TextAreaField } from '@/components/form-field';
import { type DataSourceKind, isDatabaseKind, verifiesField } from '@/lib/validation/data-source-form';
import { dataPointKinds, dataPointLabels } from '@/lib/validation/verification-levels';
import { sourceFieldLabels as labels } from './source-form-values';
import { ZManualSourceConfig } from '@/lib/validation/data-source';
import { maxLengthOf } from '@/lib/validation/max-length-of';
import { MapEditor } from './map-editor';

type KindFieldsProps = {
  kind: DataSourceKind;
  values: Record<string, string>;
  errors: Record<string, string[] | undefined>;
  /** For an existing PostgreSQL source: when its connection string was saved, as words. */
  secretSavedOn?: string | null;
};

/** The inputs that depend on the source's kind: a connection string and map, a webhook URL, or checklist instructions. */
export function KindFields({ kind, values, errors, secretSavedOn }: KindFieldsProps) {
  if (isDatabaseKind(kind)) {
    const example =
      kind === 'mysql' ? 'mysql://user:password@host:3306/database (MySQL or MariaDB)' : 'postgres://user:password@host:5432/database';
    const connectionHint = secretSavedOn
      ? `Saved on ${secretSavedOn}; leave blank to keep it. It is stored encrypted and never shown again.`
      : `${example}. Use a role that can read (and, for erasure, change) only the mapped tables. It is stored encrypted and never shown again.`;
    return (
      <>
        <InputField
          id="connectionString"
          label={labels.connectionString!}
          hint={connectionHint}
          errors={errors.connectionString}
          type="password"
          autoComplete="off"
          spellCheck={false}
          defaultValue={values.connectionString}
        />
        <FormField
          id="map"
          label={labels.map!}
          hint="Which tables hold the person’s data, how each row belongs to them, what goes into a package and what erasure does (format below). Every table and column is checked against the database when you save."
          errors={errors.map}
        >
          {(describedBy, isInvalid) => (
            <MapEditor id="map" name="map" defaultValue={values.map} describedBy={describedBy} isInvalid={isInvalid} errors={errors.map} />
          )}
        </FormField>
      </>
    );
  }
  if (kind === 'webhook') {
    return (
      <>
        <InputField
          id="url"
          label={labels.url!}
          hint="dsr-desk POSTs each signed job here (access or erasure, with the person’s email and account id)."
          errors={errors.url}
          type="url"
          required
          defaultValue={values.url}
        />
        <CountField
          name="timeoutSeconds"
          hint="How long to wait for one answer before trying again, 1 to 120."
          max={120}
          values={values}
          errors={errors}
        />
        <CountField
          name="maxAttempts"
          hint="The first call included, with a growing wait between tries, 1 to 10."
          max={10}
          values={values}
          errors={errors}
        />
        <CountField
          name="callbackTimeoutHours"
          hint="A job the system accepted (202) but never answered by callback is marked failed after this long, so an agent can retry it. 1 to 720."
          max={720}
          values={values}
          errors={errors}
        />
        <CheckboxGroup
          legend="Identity checks"
          hintId="verifies-hint"
          hint="Facts this system can check when a requester proves who they are: dsr-desk POSTs a signed verify job with what they typed, and the system answers at once whether each fact matches. Facts a database source checks are never sent here."
          boxes={dataPointKinds.map((kind) => ({
            id: verifiesField(kind),
            label: dataPointLabels[kind].label,
            isChecked: values[verifiesField(kind)] === 'on',
          }))}
        />
      </>
    );
  }
  if (kind === 'processor') {
    return (
      <>
        <InputField
          id="vendorName"
          label={labels.vendorName!}
          hint="As it appears to the requester (Art. 19 recipients)."
          errors={errors.vendorName}
          maxLength={200}
          defaultValue={values.vendorName}
        />
        <InputField
          id="contactEmail"
          label={labels.contactEmail!}
          hint="Each erasure is sent here with a link to confirm it."
          errors={errors.contactEmail}
          type="email"
          defaultValue={values.contactEmail}
        />
        <CountField name="reminderDays" hint="1 to 30 days after the last email." max={30} values={values} errors={errors} />
        <CountField
          name="cutoffDays"
          hint="1 to 90 days after the first email; the source then fails for staff to chase."
          max={90}
          values={values}
          errors={errors}
        />
      </>
    );
  }
  return (
    <>
      <TextAreaField
        id="instructions"
        label={labels.instructions!}
        hint="What the agent checks or does before confirming this item with a note (e.g. where the paper files are kept)."
        errors={errors.instructions}
        rows={5}
        maxLength={maxLengthOf(ZManualSourceConfig, 'instructions')}
        defaultValue={values.instructions}
      />
      <CountField
        name="backupRetentionDays"
        hint="For a backup: how long each copy is kept (e.g. 35). The erasure confirmation says when the last copy holding the person expires, and the request page offers to replay the erasure after a restore until then. Leave blank otherwise."
        max={3650}
        values={values}
        errors={errors}
      />
    </>
  );
}

/** A whole number from 1 up, in a short box: timeouts, tries, reminder and retention days. */
function CountField({
  name,
  hint,
  max,
  values,
  errors,
}: { name: string; hint: string; max: number } & Pick<KindFieldsProps, 'values' | 'errors'>) {
  return (
    <InputField
      id={name}
      label={labels[name]!}
      hint={hint}
      errors={errors[name]}
      type="number"
      min={1}
      max={max}
      className="input--short"
      defaultValue={values[name]}
    />
  );
}
