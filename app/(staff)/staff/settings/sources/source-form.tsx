'use client';

import Link from 'next/link';
import { useActionState, useRef, useState } from 'react';
import { FormField } from '@/components/form-field';
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

        <FormField id="name" label={labels.name!} hint="As agents see it on each request, e.g. “Shop database”." errors={errors.name}>
          {(describedBy, isInvalid) => (
            <input
              type="text"
              id="name"
              name="name"
              required
              maxLength={maxLengthOf(ZCreateDataSourceForm, 'name')}
              defaultValue={values.name}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>

        <FormField
          id="publicName"
          label={`${labels.publicName!} (optional)`}
          hint="How the requester’s erasure confirmation names this system, e.g. “Our online shop” or “Backups of our systems”. Left empty: the name above."
          errors={errors.publicName}
        >
          {(describedBy, isInvalid) => (
            <input
              type="text"
              id="publicName"
              name="publicName"
              maxLength={maxLengthOf(ZCreateDataSourceForm, 'publicName')}
              defaultValue={values.publicName}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
            />
          )}
        </FormField>

        {saved ? null : (
          <FormField
            id="slug"
            label={`${labels.slug} (optional)`}
            hint="Lower-case letters, digits and hyphens; names the callback URL and the folder in packages. Left blank, it is made from the name. It cannot change later."
            errors={errors.slug}
          >
            {(describedBy, isInvalid) => (
              <input
                type="text"
                id="slug"
                name="slug"
                maxLength={maxLengthOf(ZDataSourceSlug)}
                spellCheck={false}
                defaultValue={values.slug}
                aria-describedby={describedBy}
                aria-invalid={isInvalid}
              />
            )}
          </FormField>
        )}

        <fieldset aria-describedby={errors.usedForAccess?.length ? 'usedFor-error' : undefined}>
          <legend>{labels.usedForAccess}</legend>
          {errors.usedForAccess?.length ? (
            <p className="field__error" id="usedFor-error">
              {errors.usedForAccess[0]}
            </p>
          ) : null}
          <div className="choice">
            <input type="checkbox" id="usedForAccess" name="usedForAccess" defaultChecked={values.usedForAccess === 'on'} />
            <label htmlFor="usedForAccess">Access and export requests: its data goes into the package</label>
          </div>
          <div className="choice">
            <input type="checkbox" id="usedForErasure" name="usedForErasure" defaultChecked={values.usedForErasure === 'on'} />
            <label htmlFor="usedForErasure">Deletion requests: erasure deletes or anonymises its data</label>
          </div>
        </fieldset>

        <KindFields kind={kind} values={values} errors={errors} secretSavedOn={saved?.secretSavedOn} />

        {saved ? null : (
          <div className="choice">
            <input type="checkbox" id="isEnabled" name="isEnabled" defaultChecked={values.isEnabled === 'on'} />
            <label htmlFor="isEnabled">Switched on: runs started from now on include it</label>
          </div>
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
            <FormField id="previewEmail" label={`${labels.previewEmail} (for a preview)`} errors={errors.previewEmail}>
              {(describedBy, isInvalid) => (
                <input
                  type="email"
                  id="previewEmail"
                  name="previewEmail"
                  maxLength={254}
                  autoComplete="off"
                  defaultValue={values.previewEmail}
                  aria-describedby={describedBy}
                  aria-invalid={isInvalid}
                />
              )}
            </FormField>
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
