import { z } from 'zod';

// `z.string().url()` also accepts `javascript:` and `data:` URLs, which must never become a link in an email.
export const ZLinkUrl = z.url({ protocol: /^https?$/ });

// Values end up in the subject line; a line break there would start a new mail header.
export const ZSingleLineText = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\r\n]*$/, 'Must be a single line');

export const ZCalendarDate = z.iso.date();

// A staff member's own words to the requester. Line breaks are kept; it never reaches a header.
export const ZMessageText = z.string().trim().min(1).max(5000);
