import { z } from 'zod';

/** Verifying the audit chain takes no input: the button only says "now". Strict, so a crafted form field is refused rather than ignored. */
export const ZVerifyAuditChain = z.strictObject({});

export type TVerifyAuditChain = z.infer<typeof ZVerifyAuditChain>;
