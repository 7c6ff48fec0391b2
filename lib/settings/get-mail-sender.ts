import type { DatabaseOrTransaction } from '@/db/client';
import { env } from '@/lib/env';
import type { TOrganisationSettings } from '@/lib/validation/organisation-settings';
import { findSavedOrganisationSettings } from './get-organisation-settings';

/** A From header as nodemailer takes it: a raw header string, or a name and address it quotes itself. */
export type MailSender = string | { name: string; address: string };

/**
 * The From of every outgoing email: the sender an admin set on the settings page,
 * else MAIL_FROM exactly as configured. Read at send time, not when queued, so a
 * corrected sender also applies to mail still waiting in the outbox.
 */
export async function getMailSender(db: DatabaseOrTransaction): Promise<MailSender> {
  return mailSenderFrom(await findSavedOrganisationSettings(db));
}

export function mailSenderFrom(saved: TOrganisationSettings | null): MailSender {
  if (saved) return { name: saved.senderName, address: saved.senderEmail };
  // Until an admin sets a sender, mail comes from the organisation by name (requesters know it, not this product),
  // at MAIL_FROM's address; MAIL_FROM's own display name is the installer's, often the product's.
  const { MAIL_FROM, ORGANISATION_NAME } = env();
  const address = /<([^>]+)>\s*$/.exec(MAIL_FROM)?.[1] ?? MAIL_FROM;
  return { name: ORGANISATION_NAME, address };
}
