import { useLocale, useTranslations } from 'next-intl';
import { formatDateTimeIn } from '@/lib/i18n/format-date';
import type { Locale } from '@/lib/i18n/locales';

export type TimelineItem = {
  id: number;
  label: string;
  at: Date;
  /** Who did it, for staff eyes; omitted on the requester's page. */
  actorName?: string;
  detail?: string;
  /** Set on the staff page only: whether the requester sees this entry on their status page. */
  isVisibleToRequester?: boolean;
};

/**
 * A request's history, oldest first. Shared by the requester's status page (times in the
 * requester's own zone and language) and the staff request page (UTC, English).
 */
export function Timeline({ items, emptyText, timeZone = 'UTC' }: { items: TimelineItem[]; emptyText?: string; timeZone?: string }) {
  const locale = useLocale() as Locale;
  const t = useTranslations('timeline');
  if (items.length === 0) return <p className="empty-state">{emptyText ?? t('empty')}</p>;
  return (
    <ol className="timeline">
      {items.map((item) => (
        <li key={item.id}>
          <span className="timeline__label">{item.label}</span>
          {item.actorName ? <span className="timeline__actor"> — {item.actorName}</span> : null}
          {item.isVisibleToRequester === undefined ? null : (
            <span className={item.isVisibleToRequester ? 'visibility-tag visibility-tag--public' : 'visibility-tag'}>
              {item.isVisibleToRequester ? 'Requester sees this' : 'Internal'}
            </span>
          )}
          {item.detail ? <span className="timeline__detail">{item.detail}</span> : null}
          <time dateTime={item.at.toISOString()}>
            {formatDateTimeIn(locale, item.at, timeZone)}
            {timeZone === 'UTC' ? ' UTC' : ''}
          </time>
        </li>
      ))}
    </ol>
  );
}
