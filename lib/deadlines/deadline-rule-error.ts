// A plain Error rather than AppError: the rules stay importable with nothing but zod types, and the
// use case that calls them decides which AppError code (if any) the requester or staff member sees.
export class DeadlineRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeadlineRuleError';
  }
}
