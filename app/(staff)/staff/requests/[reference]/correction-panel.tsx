import type { RequestFulfilment } from '@/lib/fulfilment/get-request-fulfilment';
import type { CorrectableSource } from '@/lib/fulfilment/corrections/list-correctable-rows';
import { suggestCorrectedValue } from '@/lib/fulfilment/corrections/suggest-corrected-value';
import type { TCorrectionField } from '@/lib/validation/correction-request';
import { CorrectionForm, type CorrectionOption } from './correction-form';
import { FulfilmentButtonForm } from './fulfilment-button-form';
import { startCorrectionJobsAction } from './fulfilment-actions';
import { RecipientsTold } from './recipients-told';
import { RunDetails } from './run-details';

type CorrectionPanelProps = {
  fulfilment: RequestFulfilment;
  correctable: CorrectableSource[];
  reference: string;
  version: number;
  isWorkable: boolean;
  /** The requester as the checklist's last-item warning names them. */
  requester: string;
  /** The requester's own "field → should be" lines: a column they name starts with their value. */
  correctionFields: TCorrectionField[] | null;
};

/**
 * Correction: a value at a time in the database sources whose map names correctable columns
 * (old beside new before anything is written), then a signed `correct` job to each webhook
 * source, a checklist item for each manual one and an email to each processor (Art. 19).
 */
export function CorrectionPanel({
  fulfilment,
  correctable,
  reference,
  version,
  isWorkable,
  requester,
  correctionFields,
}: CorrectionPanelProps) {
  const options: CorrectionOption[] = correctable.flatMap((source) =>
    (source.tables ?? []).flatMap((table) =>
      table.rows.flatMap((row) =>
        table.columns.map((column) => ({
          value: JSON.stringify({ sourceId: source.sourceId, table: table.table, key: row.key, column }),
          label: `${source.sourceName} · ${table.label} ${Object.values(row.key).join('/')} · ${column}: ${row.values[column] ?? '(empty)'}`,
          suggestedValue: suggestCorrectedValue(correctionFields, column),
        })),
      ),
    ),
  );
  const { correct } = fulfilment;
  return (
    <>
      <h3>Correct a value in a database</h3>
      {correctable
        .filter((source) => source.error)
        .map((source) => (
          <p key={source.sourceId} className="flag">
            {source.sourceName}: {source.error}
          </p>
        ))}
      {options.length === 0 ? (
        <p className="empty-state">
          No correctable value of this requester’s was found. An admin names correctable columns in a database source’s map (Settings → Data
          sources).
        </p>
      ) : isWorkable ? (
        <CorrectionForm reference={reference} version={version} options={options} />
      ) : null}

      <h3>Other systems</h3>
      {correct ? (
        <RunDetails
          run={correct}
          caption="Correction per webhook, checklist and processor source"
          reference={reference}
          version={version}
          isWorkable={isWorkable}
          requester={requester}
        />
      ) : (
        <p className="empty-state">Not sent to webhook, checklist or processor sources yet.</p>
      )}
      {isWorkable && correct?.status !== 'running' ? (
        <FulfilmentButtonForm
          action={startCorrectionJobsAction}
          reference={reference}
          version={version}
          label={correct ? 'Send the correction again' : 'Send the correction to webhook, checklist and processor sources'}
          pendingLabel="Sending…"
          hint="Each webhook source gets a signed “correct” job with the requester’s description; each checklist source an item to confirm; each processor an email with the description and a link to confirm it (Art. 19)."
          isSecondary={Boolean(correct)}
        />
      ) : null}
      <RecipientsTold recipients={fulfilment.recipientsTold} topic="correction" />
    </>
  );
}
