import { env } from '@/lib/env';

/**
 * Sign-in links one address (in 15 minutes) and one client IP (in an hour) may ask
 * for. Counted alike for staff and unknown addresses, so a refusal says nothing
 * about who works here.
 */
export function signInLimits(): { perEmail: { max: number; windowMs: number }; perIp: { max: number; windowMs: number } } {
  const { SIGN_IN_LIMIT_PER_EMAIL, SIGN_IN_LIMIT_PER_IP_PER_HOUR } = env();
  return {
    perEmail: { max: SIGN_IN_LIMIT_PER_EMAIL, windowMs: 15 * 60 * 1000 },
    perIp: { max: SIGN_IN_LIMIT_PER_IP_PER_HOUR, windowMs: 60 * 60 * 1000 },
  };
}
