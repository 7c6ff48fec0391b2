import type { PauseKind } from '../validation/deadline-policy';

export const pauseKindLabels: Record<PauseKind, string> = {
  identity: 'Proof of identity',
  clarification: 'Clarification of the request',
  fee: 'A fee',
};
