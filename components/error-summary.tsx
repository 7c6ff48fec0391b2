import { useTranslations } from 'next-intl';

type ErrorSummaryProps = { message?: string; fieldErrors?: Record<string, string[] | undefined>; labels: Record<string, string> };

/** The list of problems at the top of a form, each linking to its field; focus lands here after a failed submit. */
export function ErrorSummary({ message, fieldErrors = {}, labels }: ErrorSummaryProps) {
  const t = useTranslations('form');
  const entries = Object.entries(fieldErrors).filter(([, errors]) => errors?.length);
  if (!message && entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>{message ?? t('problem')}</h2>
      {entries.length ? (
        <ul>
          {entries.map(([field, errors]) => (
            <li key={field}>
              <a href={`#${field}`}>
                {labels[field] ?? field}: {errors![0]}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
