'use client';

import { useTranslations } from 'next-intl';
import { findValidationMessageKey } from '@/lib/i18n/validation-message-keys';

/** Shows a schema's English validation message in the page's language (lib/i18n/validation-message-keys.ts). */
export function useValidationMessage(): (message: string) => string {
  const t = useTranslations('validation');
  return (message) => {
    const known = findValidationMessageKey(message);
    return known && t.has(known.key) ? t(known.key, known.values) : message;
  };
}

/** The same for a form's field errors. */
export function useTranslatedFieldErrors() {
  const translate = useValidationMessage();
  return <F extends string>(errors: Partial<Record<F, string[] | undefined>> | undefined) =>
    Object.fromEntries(
      Object.entries(errors ?? {}).map(([field, messages]) => [field, (messages as string[] | undefined)?.map(translate)]),
    ) as Partial<Record<F, string[]>>;
}
