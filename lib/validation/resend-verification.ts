import { z } from 'zod';
import { ZEmailAddress } from './submit-request';

export const ZResendVerification = z.strictObject({ email: ZEmailAddress });
export type TResendVerification = z.infer<typeof ZResendVerification>;
