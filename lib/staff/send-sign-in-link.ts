import type { Database } from '@/db/client';
import { enqueueEmail } from '@/lib/mail/enqueue-email';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';

export const SIGN_IN_LINK_MINUTES = 15;

/** next-auth's sendVerificationRequest: the magic link goes through the outbox like every other email. */
export async function sendSignInLink(db: Database, { email, url }: { email: string; url: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const { organisationName } = await getOrganisationSettings(tx);
    await enqueueEmail(tx, {
      requestId: null,
      to: email,
      payload: { template: 'staff-sign-in', version: 1, props: { organisationName, signInUrl: url, expiresInMinutes: SIGN_IN_LINK_MINUTES } },
    });
  });
}
