/**
 * The address the requester just typed, kept for the "Check your email" page only
 * (cookie path), for ten minutes, in their own browser: the page can repeat it so a
 * typo is noticed, without the address ever appearing in a URL or a log.
 */
export const SENT_TO_COOKIE = 'dsr-desk-sent-to';
export const SENT_TO_COOKIE_OPTIONS = { httpOnly: true, sameSite: 'strict', path: '/request/sent', maxAge: 600 } as const;
