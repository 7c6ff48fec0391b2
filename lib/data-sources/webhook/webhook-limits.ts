/**
 * Largest webhook answer or callback we read. An access answer holds the subject's
 * rows, so it is generous; it is still a cap, checked while the body streams in.
 */
export const MAX_WEBHOOK_BODY_BYTES = 50 * 1024 * 1024;

/**
 * Of a callback whose signature is not checked yet (it can be only once the whole
 * body is in), at most this much is held in memory; the rest waits on disk.
 */
export const MAX_UNVERIFIED_IN_MEMORY_BYTES = 1024 * 1024;
