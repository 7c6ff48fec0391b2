import { z } from 'zod';

/** Settings → Data sources: whether sources may point at private or local addresses. */
export const ZNetworkSettings = z.strictObject({ allowPrivateTargets: z.boolean() });
export type TNetworkSettings = z.infer<typeof ZNetworkSettings>;

/** The admin's form: a checkbox sends "on" when ticked and nothing when not. */
export const ZPrivateTargetsForm = z
  .strictObject({ allowPrivateTargets: z.literal('on').optional() })
  .transform((form) => ({ allowPrivateTargets: form.allowPrivateTargets === 'on' }));
