import { text } from './text';

/** Tokens are 32 random bytes in base64url: 43 characters. Anything else is not worth a database lookup. */
export const ZToken = text().regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not valid');
