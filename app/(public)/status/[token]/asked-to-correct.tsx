import { useTranslations } from 'next-intl';
import type { TCorrectionField } from '@/lib/validation/correction-request';

/** A correction's own words back to the requester: the details and the "field → should be" lines they sent. */
export function AskedToCorrect({
  correction,
}: {
  correction: { details: string | null; fields: TCorrectionField[]; documentCount: number };
}) {
  const t = useTranslations('statusPage.correction');
  const labels = useTranslations('requestPage.correction');
  return (
    <section className="panel" aria-labelledby="correction-heading">
      <h2 id="correction-heading">{t('heading')}</h2>
      {correction.details ? <p className="preserve-lines">{correction.details}</p> : null}
      {correction.fields.length > 0 ? (
        <table className="data-table" data-testid="asked-to-correct">
          <thead>
            <tr>
              <th scope="col">{labels('field')}</th>
              <th scope="col">{labels('currentValue')}</th>
              <th scope="col">{labels('shouldBe')}</th>
            </tr>
          </thead>
          <tbody>
            {correction.fields.map((line, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines never change order
              <tr key={index}>
                <td>{line.field}</td>
                <td>{line.currentValue ?? '—'}</td>
                <td>{line.shouldBe}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {correction.documentCount > 0 ? <p>{t('documents', { count: correction.documentCount })}</p> : null}
    </section>
  );
}
