'use client';

import Link from 'next/link';
import { useActionState, useRef, useState } from 'react';
import { Checkbox, CheckboxGroup } from '@/components/checkbox-group';
import { InputField } from '@/components/form-field';
import { ZDataSourceSlug } from '@/lib/validation/data-source';
import { type DataSourceKind, isDatabaseKind, ZCreateDataSourceForm } from '@/lib/validation/data-source-form';
import { maxLengthOf } from '@/lib/validation/max-length-of';
import { initialActionState } from '../../action-state';
import { ActionNotice, ActionProblems } from '../../form-feedback';
import { createDataSourceAction, type TrySourceMapState, trySourceMapAction, updateDataSourceAction } from './actions';
import { KindFields } from './kind-fields';
import { OneTimeSecret } from './one-time-secret';
import { SchemaPicker } from './schema-picker';
import { SourcePreview } from './source-preview';
import { sourceFieldLabels as labels } from './source-form-values';

type SourceFormProps = {
  kind: DataSourceKind;
  initialValues: Record<string, string>;
  /** Set when editing a saved source: its slug and the version the page was built from. */
  saved?: { slug: string; version: number; secretSavedOn: string | null };
};

/** Adds a data source, or edits one: the same fields, checked on the server by ZCreateDataSourceForm / ZUpdateDataSourceForm. */
export function SourceForm({ kind, initialValues, saved }: SourceFormProps) {
  const [saveState, formAction, isSaving] = useActionState(saved ? updateDataSourceAction : createDataSourceAction, initialActionState);
  const [tryState, tryAction, isTrying] = useActionState(trySourceMapAction, initialActionState as TrySourceMapState);
  // Whichever of save and try answered last fills the form and speaks (React's "state from the previous render" pattern).
  const [seen, setSeen] = useState({ saveState, tryState, isTryLatest: false });
  if (seen.saveState !== saveState || seen.tryState !== tryState) {
    setSeen({ saveState, tryState, isTryLatest: seen.tryState !== tryState });
  }
  const state: TrySourceMapState = seen.isTryLatest ? tryState : saveState;
  const isPending = isSaving || isTrying;
  const intent = useRef<HTMLInputElement>(null);
  const pressed = (value: 'test' | 'preview') => () => {
    if (intent.current) intent.current.value = value;
  };
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? initialValues;

  if (!saved && state.oneTimeSecret) {
    return (
      <>
        <ActionNotice state={state} />
        <OneTimeSecret secret={state.oneTimeSecret} />
        <p>
          <Link href="/staff/settings/sources">Back to data sources</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <ActionNotice state={state} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <ActionProblems state={state} labels={labels} />
        {state.isConflict && saved ? (
          <p>
            {/* A full page load, so every form on the page gets the new version. */}
            <a href={`/staff/settings/sources/${saved.slug}`}>Reload this data source</a>
          </p>
        ) : null}
        <input type="hidden" name="kind" value={kind} />
        {saved ? (
          <>
            <input type="hidden" name="slug" value={saved.slug} />
            <input type="hidden" name="version" value={saved.version} />
          </>
        ) : null}

        <InputField
          id="name"
          label={labels.name!}
          hint="As agents see it on each request, e.g. “Shop database”."
          errors={errors.name}
          type="text"
          required
          maxLength={maxLengthOf(ZCreateDataSourceForm, 'name')}
          defaultValue={values.name}
        />

        <InputField
          id="publicName"
          label={`${labels.publicName!} (optional)`}
          hint="How the requester’s erasure confirmation names this system, e.g. “Our online shop” or “Backups of our systems”. Left empty: the name above."
          errors={errors.publicName}
          type="text"
          maxLength={maxLengthOf(ZCreateDataSourceForm, 'publicName')}
          defaultValue={values.publicName}
        />

        {saved ? null : (
          <InputField
            id="slug"
            label={`${labels.slug} (optional)`}
            hint="Lower-case letters, digits and hyphens; names the callback URL and the folder in packages. Left blank, it is made from the name. It cannot change later."
            errors={errors.slug}
            type="text"
            maxLength={maxLengthOf(ZDataSourceSlug)}
            spellCheck={false}
            defaultValue={values.slug}
          />
        )}

        <CheckboxGroup
          id="usedFor"
          legend={labels.usedForAccess!}
          errors={errors.usedForAccess?.slice(0, 1)}
          boxes={[
            {
              id: 'usedForAccess',
              label: 'Access and export requests: its data goes into the package',
              isChecked: values.usedForAccess === 'on',
            },
            {
              id: 'usedForErasure',
              label: 'Deletion requests: erasure deletes or anonymises its data',
              isChecked: values.usedForErasure === 'on',
            },
          ]}
        />

        <KindFields kind={kind} values={values} errors={errors} secretSavedOn={saved?.secretSavedOn} />

        {saved ? null : (
          <Checkbox id="isEnabled" label="Switched on: runs started from now on include it" isChecked={values.isEnabled === 'on'} />
        )}

        {isDatabaseKind(kind) ? (
          <fieldset aria-describedby="try-source-hint">
            <legend>Try it before saving</legend>
            <input type="hidden" name="intent" ref={intent} defaultValue="" />
            <p className="field__hint" id="try-source-hint">
              Test connection checks the connection string and every table and column of the map, as saving does. A preview also shows the
              first rows the map would export for one person. Nothing is saved; a preview is recorded in the audit log (without the
              address).
            </p>
            <InputField
              id="previewEmail"
              label={`${labels.previewEmail} (for a preview)`}
              errors={errors.previewEmail}
              type="email"
              maxLength={254}
              autoComplete="off"
              defaultValue={values.previewEmail}
            />
            <div className="actions">
              <button type="submit" onClick={pressed('test')} formAction={tryAction} className="button--secondary" disabled={isPending}>
                Test connection
              </button>
              <button type="submit" onClick={pressed('preview')} formAction={tryAction} className="button--secondary" disabled={isPending}>
                Preview for this address
              </button>
              {isTrying ? <span role="status">Connecting to the database…</span> : null}
            </div>
            {seen.isTryLatest && tryState.catalog ? <SchemaPicker catalog={tryState.catalog} mapFieldId="map" /> : null}
          </fieldset>
        ) : null}

        <button type="submit" disabled={isPending}>
          {isSaving ? (isDatabaseKind(kind) ? 'Checking the database…' : 'Saving…') : saved ? 'Save data source' : 'Add data source'}
        </button>
      </form>
      {seen.isTryLatest && tryState.preview ? <SourcePreview tables={tryState.preview} /> : null}
    </>
  );
}
