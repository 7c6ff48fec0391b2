import de from '@/messages/de.json';
import en from '@/messages/en.json';
import es from '@/messages/es.json';
import fr from '@/messages/fr.json';
import ptBR from '@/messages/pt-BR.json';
import { type Locale, pseudoLocale, type SupportedLocale } from './locales';
import { pseudoLocaliseMessages } from './pseudo-localise';

/** The shape every message file has: messages/en.json is the reference (a test checks the others have every key). */
export type Messages = typeof en;

export const messageFiles: Record<SupportedLocale, Messages> = { en, de, fr, es, 'pt-BR': ptBR };

let pseudoMessages: Messages | undefined;

export function messagesFor(locale: Locale): Messages {
  if (locale === pseudoLocale) {
    pseudoMessages ??= pseudoLocaliseMessages(en) as Messages;
    return pseudoMessages;
  }
  return messageFiles[locale];
}
