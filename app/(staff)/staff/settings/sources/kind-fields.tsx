import { FormField } from '@/components/form-field';
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
        <FormField id="connectionString" label={labels.connectionString!} hint={connectionHint} errors={errors.connectionString}>
          {(describedBy, isInvalid) => (
            <input
              type="password"
              id="connectionString"
              name="connectionString"
              autoComplete="off"
              spellCheck={false}
              defaultValue={values.connectionString}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
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
        <FormField
          id="url"
          label={labels.url!}
          hint="dsr-desk POSTs each signed job here (access or erasure, with the person’s email and account id)."
          errors={errors.url}
        >
          {(describedBy, isInvalid) => (
            <input
              type="url"
              id="url"
              name="url"
              required
              defaultValue={values.url}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
        <FormField
          id="timeoutSeconds"
          label={labels.timeoutSeconds!}
          hint="How long to wait for one answer before trying again, 1 to 120."
          errors={errors.timeoutSeconds}
        >
          {(describedBy, isInvalid) => (
            <input
              type="number"
              inputMode="numeric"
              id="timeoutSeconds"
              name="timeoutSeconds"
              min={1}
              max={120}
              className="input--short"
              defaultValue={values.timeoutSeconds}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
        <FormField
          id="maxAttempts"
          label={labels.maxAttempts!}
          hint="The first call included, with a growing wait between tries, 1 to 10."
          errors={errors.maxAttempts}
        >
          {(describedBy, isInvalid) => (
            <input
              type="number"
              inputMode="numeric"
              id="maxAttempts"
              name="maxAttempts"
              min={1}
              max={10}
              className="input--short"
              defaultValue={values.maxAttempts}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
        <FormField
          id="callbackTimeoutHours"
          label={labels.callbackTimeoutHours!}
          hint="A job the system accepted (202) but never answered by callback is marked failed after this long, so an agent can retry it. 1 to 720."
          errors={errors.callbackTimeoutHours}
        >
          {(describedBy, isInvalid) => (
            <input
              type="number"
              inputMode="numeric"
              id="callbackTimeoutHours"
              name="callbackTimeoutHours"
              min={1}
              max={720}
              className="input--short"
              defaultValue={values.callbackTimeoutHours}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
        <fieldset aria-describedby="verifies-hint">
          <legend>Identity checks</legend>
          <p className="field__hint" id="verifies-hint">
            Facts this system can check when a requester proves who they are: dsr-desk POSTs a signed verify job with what they typed, and
            the system answers at once whether each fact matches. Facts a database source checks are never sent here.
          </p>
          {dataPointKinds.map((kind) => (
            <div className="choice" key={kind}>
              <input
                type="checkbox"
                id={verifiesField(kind)}
                name={verifiesField(kind)}
                defaultChecked={values[verifiesField(kind)] === 'on'}
              />
              <label htmlFor={verifiesField(kind)}>{dataPointLabels[kind].label}</label>
            </div>
          ))}
        </fieldset>
      </>
    );
  }
  if (kind === 'processor') {
    return (
      <>
        <FormField
          id="vendorName"
          label={labels.vendorName!}
          hint="As it appears to the requester (Art. 19 recipients)."
          errors={errors.vendorName}
        >
          {(describedBy, isInvalid) => (
            <input
              id="vendorName"
              name="vendorName"
              maxLength={200}
              defaultValue={values.vendorName}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
        <FormField
          id="contactEmail"
          label={labels.contactEmail!}
          hint="Each erasure is sent here with a link to confirm it."
          errors={errors.contactEmail}
        >
          {(describedBy, isInvalid) => (
            <input
              type="email"
              id="contactEmail"
              name="contactEmail"
              defaultValue={values.contactEmail}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
        <FormField id="reminderDays" label={labels.reminderDays!} hint="1 to 30 days after the last email." errors={errors.reminderDays}>
          {(describedBy, isInvalid) => (
            <input
              type="number"
              inputMode="numeric"
              id="reminderDays"
              name="reminderDays"
              min={1}
              max={30}
              className="input--short"
              defaultValue={values.reminderDays}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
        <FormField
          id="cutoffDays"
          label={labels.cutoffDays!}
          hint="1 to 90 days after the first email; the source then fails for staff to chase."
          errors={errors.cutoffDays}
        >
          {(describedBy, isInvalid) => (
            <input
              type="number"
              inputMode="numeric"
              id="cutoffDays"
              name="cutoffDays"
              min={1}
              max={90}
              className="input--short"
              defaultValue={values.cutoffDays}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>
      </>
    );
  }
  return (
    <>
      <FormField
        id="instructions"
        label={labels.instructions!}
        hint="What the agent checks or does before confirming this item with a note (e.g. where the paper files are kept)."
        errors={errors.instructions}
      >
        {(describedBy, isInvalid) => (
          <textarea
            id="instructions"
            name="instructions"
            rows={5}
            maxLength={maxLengthOf(ZManualSourceConfig, 'instructions')}
            defaultValue={values.instructions}
            aria-describedby={describedBy}
            aria-invalid={isInvalid}
          />
        )}
      </FormField>
      <FormField
        id="backupRetentionDays"
        label={labels.backupRetentionDays!}
        hint="For a backup: how long each copy is kept (e.g. 35). The erasure confirmation says when the last copy holding the person expires, and the request page offers to replay the erasure after a restore until then. Leave blank otherwise."
        errors={errors.backupRetentionDays}
      >
        {(describedBy, isInvalid) => (
          <input
            type="number"
            inputMode="numeric"
            id="backupRetentionDays"
            name="backupRetentionDays"
            min={1}
            max={3650}
            className="input--short"
            defaultValue={values.backupRetentionDays}
            aria-describedby={describedBy}
            aria-invalid={isInvalid}
          />
        )}
      </FormField>
    </>
  );
}
