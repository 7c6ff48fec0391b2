import type { JurisdictionCode } from '@/lib/validation/jurisdiction';

/** How long after awareness the regulator must be told: hours on the clock, business days, or no fixed period. */
export type NotificationWindow =
  | { kind: 'hours'; hours: number }
  | { kind: 'business_days'; days: number }
  | { kind: 'without_undue_delay' };

export type BreachNotificationRule = {
  regime: JurisdictionCode;
  label: string;
  /** Who is told. */
  authority: string;
  window: NotificationWindow;
  citation: string;
};

/**
 * When each regime wants the regulator told about a personal data breach, counted from
 * awareness. Data, like the request deadlines, so a new regime is a new entry.
 */
export const breachNotificationRules: readonly BreachNotificationRule[] = [
  // GDPR Art. 33(1): "without undue delay and, where feasible, not later than 72 hours after having become aware of it".
  {
    regime: 'eu_gdpr',
    label: 'GDPR (EU/EEA)',
    authority: 'the lead supervisory authority',
    window: { kind: 'hours', hours: 72 },
    citation: 'GDPR Art. 33(1)',
  },
  // UK GDPR Art. 33(1): the same 72 hours, to the Information Commissioner.
  { regime: 'uk_gdpr', label: 'UK GDPR', authority: 'the ICO', window: { kind: 'hours', hours: 72 }, citation: 'UK GDPR Art. 33(1)' },
  // LGPD Art. 48, with the ANPD's Security Incident Reporting Regulation (Resolução CD/ANPD nº 15/2024, Art. 6):
  // three business days from awareness (six for small processing agents). Brazilian public holidays are not modelled.
  {
    regime: 'br_lgpd',
    label: 'LGPD (Brazil)',
    authority: 'the ANPD',
    window: { kind: 'business_days', days: 3 },
    citation: 'LGPD Art. 48; Resolução CD/ANPD nº 15/2024, Art. 6',
  },
  // California Civil Code §1798.82(a): residents are told "in the most expedient time possible and without unreasonable delay";
  // §1798.82(f): a sample copy goes to the Attorney General when more than 500 residents are notified. No fixed number of hours.
  {
    regime: 'us_ca_ccpa',
    label: 'California',
    authority: 'the Attorney General (a sample notice, when more than 500 residents are told)',
    window: { kind: 'without_undue_delay' },
    citation: 'Cal. Civ. Code §1798.82(a), (f)',
  },
];

export const breachRegimes = breachNotificationRules.map((rule) => rule.regime);

export function breachRuleFor(regime: string): BreachNotificationRule | undefined {
  return breachNotificationRules.find((rule) => rule.regime === regime);
}

/** Reminders to admins before a 72-hour clock runs out, in hours after awareness. */
export const reminderHours = [48, 66] as const;
