// Which waits stop the clock is the regime's: none under the CCPA (11 CCR §7021(b): the 45 days run
// "regardless of time required to verify"); identity and clarification under UK GDPR (Art. 12A,
// inserted by the Data (Use and Access) Act 2025, and the ICO's guidance); identity and clarification
// for the EU as the EDPB reads Art. 12(3) and 12(6) (Guidelines 01/2022). Fees stop a clock only where
// the policy lists them.
import type { PauseKind, TDeadlinePolicy } from '../validation/deadline-policy';

export function isClockStoppedBy(policy: TDeadlinePolicy, kind: PauseKind): boolean {
  return policy.clockStopKinds.includes(kind);
}
