/**
 * Largest webhook answer or callback we read. An access answer holds the subject's
 * rows, so it is generous; it is still a cap, checked while the body streams in.
 */
export const MAX_WEBHOOK_BODY_BYTES = 50 * 1024 * 1024;
