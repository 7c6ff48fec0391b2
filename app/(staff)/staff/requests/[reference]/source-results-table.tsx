import { DateTimeText } from '@/components/date-time-text';
import type { FulfilmentRunView } from '@/lib/fulfilment/get-request-fulfilment';
import { describeErasure, describeProof, resultRows, sourceStatusLabel } from './describe-run';

/**
 * One row per source of a run: its state, its rows (so far, while it runs) and
 * the details behind them: per table counts (and, for erasure, what happens to
 * each table), a failure's reason, or a manual item's note.
 */
export function SourceResultsTable({ run, caption }: { run: FulfilmentRunView; caption: string }) {
  return (
    <table className="data source-results">
      <caption className="table-caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Status</th>
          <th scope="col" className="number">
            Rows
          </th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {run.results.map((result) => (
          <tr key={result.id}>
            <th scope="row">{result.sourceName}</th>
            <td>
              <span className={result.status === 'failed' ? 'flag' : undefined}>{sourceStatusLabel(result)}</span>
              {result.attempts > 1 ? <span className="field__hint"> (attempt {result.attempts})</span> : null}
            </td>
            <td className="number">
              {result.status === 'pending' || result.sourceKind === 'manual' || (result.status === 'failed' && result.tables.length === 0)
                ? '—'
                : resultRows(result).toLocaleString('en')}
              {result.status === 'running' ? <span className="field__hint"> so far</span> : null}
            </td>
            <td>
              {result.error ? <p className="flag">{result.error}</p> : null}
              {result.tables.length > 0 ? (
                <ul className="plain-list">
                  {result.tables.map((table) => {
                    const erasure = run.kind === 'gather' ? null : describeErasure(table.erasure, run.kind);
                    return (
                      <li key={table.name}>
                        <code>{table.name}</code>: {table.rows.toLocaleString('en')} {table.rows === 1 ? 'row' : 'rows'}
                        {erasure ? ` — ${erasure}` : ''}
                      </li>
                    );
                  })}
                </ul>
              ) : null}
              {result.proof ? (
                <p className={result.proof.isProven ? undefined : 'flag'}>
                  {describeProof(result.proof)} (<DateTimeText date={new Date(result.proof.checkedAt)} />)
                </p>
              ) : null}
              {result.sourceKind === 'manual' && result.note ? (
                <p className="preserve-lines">
                  Confirmed by {result.confirmedByName ?? 'staff'}
                  {result.finishedAt ? (
                    <>
                      {' '}
                      on <DateTimeText date={result.finishedAt} />
                    </>
                  ) : null}
                  : {result.note}
                </p>
              ) : null}
              {result.sourceKind === 'manual' && run.kind === 'dry_run' ? (
                <p className="field__hint">Checked by hand during the erasure itself.</p>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
