import type { TCorrectionField } from '@/lib/validation/correction-request';

/** The requester's "field, says now, should be" lines, as they wrote them. */
export function CorrectionRequestFields({ fields }: { fields: TCorrectionField[] | null }) {
  if (!fields?.length) return <>None given</>;
  return (
    <table className="data-table" data-testid="correction-fields">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Says now</th>
          <th scope="col">Should be</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines never change order
          <tr key={index}>
            <td>{line.field}</td>
            <td>{line.currentValue ?? '—'}</td>
            <td>{line.shouldBe}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A correction's proof documents: links for those who may open them (each view audited), names only for everyone else. */
export function CorrectionDocuments({
  documents,
  canOpen,
}: {
  documents: { id: string; fileName: string; sizeBytes: number }[];
  canOpen: boolean;
}) {
  if (documents.length === 0) return <>None</>;
  return (
    <ul className="plain-list">
      {documents.map((document) => (
        <li key={document.id}>
          {canOpen ? <a href={`/api/staff/correction-documents/${document.id}`}>{document.fileName}</a> : document.fileName} (
          {Math.max(1, Math.round(document.sizeBytes / 1024))} KB)
        </li>
      ))}
      {canOpen ? null : <li className="field__hint">Only the assigned agent and admins can open them.</li>}
    </ul>
  );
}
