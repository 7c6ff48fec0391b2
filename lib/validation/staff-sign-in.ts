import { z } from 'zod';
import { ZEmailAddress } from './submit-request';

/** The staff sign-in form's POST to /api/auth/signin/email (next-auth's client sends these fields). */
export const ZRequestSignInLink = z.object({
  email: ZEmailAddress,
  /** Where to land after signing in; only a same-origin path is ever used (sameOriginCallbackUrl). */
  callbackUrl: z.string().max(2048).optional(),
  csrfToken: z.string().max(200).optional(),
  /** next-auth's client asks for `{ url }` JSON instead of a redirect. */
  json: z.string().max(10).optional(),
});
export type TRequestSignInLink = z.infer<typeof ZRequestSignInLink>;
