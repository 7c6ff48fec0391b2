import type { TErasedSystem } from '@/emails/erasure-confirmed';
import type { TOptOutConfirmedEmailProps } from '@/emails/opt-out-confirmed';
import { formatCalendarDateIn } from '@/lib/i18n/format-date';
import type { SupportedLocale } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';

/*
 * The closing messages the system (not an agent) writes, stored as the request's response message and shown on the
 * requester's status page. Written once, in the request's language, from the message files the confirmation email
 * reads too, so the page and the email say the same thing in the same language. An agent's own message is stored as
 * written (issue #18: staff messages to the requester are sent as written).
 */

/** "We no longer send you marketing. We applied it in: Shop database." */
export function optOutClosingMessage(
  language: SupportedLocale,
  { optOut, systems }: { optOut: TOptOutConfirmedEmailProps['optOut']; systems: string[] },
): string {
  const t = translatorFor(language);
  return `${t('emails.optOutConfirmed.outcome', { optOut })} ${t('emails.optOutConfirmed.appliedIn', { systems: systems.join(', ') })}`;
}

/** Where the data was erased, where a search afterwards proved it (the proof per system), and until when backups may hold it. */
export function erasureClosingMessage(
  language: SupportedLocale,
  { systems, backupsExpireOn }: { systems: TErasedSystem[]; backupsExpireOn: string | null },
): string {
  const t = translatorFor(language);
  const proven = systems.filter((system) => system.provenAt);
  return [
    t('closingMessages.erasedFrom', { systems: systems.map((system) => system.name).join(', ') }),
    proven.length > 0 ? t('closingMessages.provenAbsentIn', { systems: proven.map((system) => system.name).join(', ') }) : null,
    backupsExpireOn ? t('closingMessages.backups', { date: formatCalendarDateIn(language, backupsExpireOn) }) : null,
  ]
    .filter((sentence) => sentence !== null)
    .join(' ');
}

/** "We restricted the processing… We applied it in: Shop database." (GDPR Art. 18), or the objection upheld (Art. 21). */
export function processingFlagClosingMessage(
  language: SupportedLocale,
  { type, systems }: { type: 'restriction' | 'objection'; systems: string[] },
): string {
  const t = translatorFor(language);
  const outcome = t(type === 'restriction' ? 'closingMessages.restricted' : 'closingMessages.objectionUpheld');
  return `${outcome} ${t('closingMessages.appliedIn', { systems: systems.join(', ') })}`;
}
