/**
 * Expected failures. Each code says when it is thrown and what the caller shows;
 * anything that is not an AppError is a bug and reaches error.tsx and the log.
 */
export const appErrorCodes = {
  /** Input failed its schema or is not parseable (malformed JSON). Show the message; details.fieldErrors / formErrors name the fields. */
  VALIDATION: 400,
  /** A body larger than the route accepts; it was refused at the cap, never buffered whole. Answer 413. */
  PAYLOAD_TOO_LARGE: 413,
  /** A body in a media type the route does not read (e.g. a form post to a JSON route). Answer 415. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** Too many submissions for an email address or an IP. Show "try again later" with HTTP 429 (details.retryAfterSeconds becomes Retry-After). */
  RATE_LIMITED: 429,
  /** No signed-in staff session (or it ended), or a webhook callback without a valid signature. Routes answer 401; pages redirect to sign-in. */
  UNAUTHENTICATED: 401,
  /** Signed in, but the role does not allow this action. Show "not allowed", answer 403. */
  FORBIDDEN: 403,
  /** A record does not exist or this actor may not see it (the two are indistinguishable). Show 404. */
  NOT_FOUND: 404,
  /** A link's token is unknown, used, revoked or expired. Show the "get a new link" page. */
  TOKEN_INVALID: 410,
  /** The state machine refuses this transition (e.g. cancelling a closed request). Show the message. */
  INVALID_TRANSITION: 409,
  /** Someone else changed the record since it was read. Show "reload and try again". */
  CONFLICT: 409,
  /** Well-formed, but it contradicts an earlier request (an Idempotency-Key reused with another body). Answer 422. */
  UNPROCESSABLE: 422,
} as const;

export type AppErrorCode = keyof typeof appErrorCodes;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get httpStatus(): number {
    return appErrorCodes[this.code];
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
