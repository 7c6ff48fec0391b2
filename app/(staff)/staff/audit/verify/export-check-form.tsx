'use client';

import { useActionState } from 'react';
import { InputField } from '@/components/form-field';
import { ActionNotice, ActionProblems } from '../../form-feedback';
import { checkExportAction, type ExportCheckState } from './export-check-actions';

const initialState: ExportCheckState = {};

/** Upload an audit export (CSV or JSON Lines from Audit exports) and check it against its signed manifest. */
export function ExportCheckForm() {
  const [state, formAction, isPending] = useActionState(checkExportAction, initialState);
  const result = state.result;
  return (
    <section aria-labelledby="export-check-heading">
      <h2 id="export-check-heading">Check an export file</h2>
      <p>
        The same check as <code>npm run audit:verify -- --export &lt;file&gt; --public-key &lt;this log’s key&gt;</code>: the manifest’s
        signature, the checksum of every byte above it and the row count.
      </p>
      <ActionNotice state={state} />
      <form action={formAction} noValidate>
        <ActionProblems state={state} labels={{ file: 'Export file' }} />
        <InputField
          id="export-file"
          label="Export file"
          errors={state.fieldErrors?.file}
          type="file"
          name="file"
          accept=".csv,.jsonl,.ndjson,text/csv"
        />
        <button type="submit" disabled={isPending}>
          {isPending ? 'Checking…' : 'Check the file'}
        </button>
      </form>
      {result ? (
        <div className={result.isValid ? 'notice notice--ok' : 'notice notice--error'} role="status">
          <p>
            <strong>{result.isValid ? 'Valid' : 'Invalid'}</strong>: {result.fileName}
          </p>
          {result.manifest ? (
            <dl className="summary">
              <dt>Log</dt>
              <dd>
                {result.manifest.log}, {result.manifest.format}, {result.manifest.rowCount} rows
              </dd>
              <dt>Generated</dt>
              <dd>{result.manifest.generatedAt}</dd>
              <dt>Audit tree head</dt>
              <dd>
                {result.manifest.treeHead
                  ? `size ${result.manifest.treeHead.treeSize}, root ${result.manifest.treeHead.rootHash}`
                  : 'none (nothing sealed yet)'}
              </dd>
              <dt>Signed by key</dt>
              <dd>
                <code>{result.manifest.keyFingerprint}</code>
              </dd>
            </dl>
          ) : null}
          {result.problems.length > 0 ? (
            <ul>
              {result.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
