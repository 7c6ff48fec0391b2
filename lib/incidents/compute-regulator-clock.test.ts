import { describe, expect, it } from 'vitest';
import { addBusinessDaysToInstant, computeRegulatorClocks, describeDuration } from './compute-regulator-clock';
import { fromWallClockTime, toWallClockTime } from './zoned-date-time';

const HOUR = 60 * 60 * 1000;

describe('the regulator clock', () => {
  it('gives GDPR and UK GDPR 72 hours from awareness at 23:30 in Berlin, whatever the date line', () => {
    const discoveredAt = fromWallClockTime('2026-12-01T23:30', 'Europe/Berlin');
    expect(discoveredAt.toISOString()).toBe('2026-12-01T22:30:00.000Z');

    const clocks = computeRegulatorClocks(
      { regimes: ['eu_gdpr', 'uk_gdpr'], discoveredAt, decidedAt: null },
      { now: new Date(discoveredAt.getTime() + 10 * HOUR), timeZone: 'Europe/Berlin' },
    );

    expect(clocks.map((clock) => clock.rule.regime)).toEqual(['eu_gdpr', 'uk_gdpr']);
    for (const clock of clocks) {
      expect(clock.deadline?.toISOString()).toBe('2026-12-04T22:30:00.000Z');
      expect(toWallClockTime(clock.deadline!, 'Europe/Berlin')).toBe('2026-12-04T23:30');
      expect(clock.state).toBe('running');
      expect(clock.remainingMs).toBe(62 * HOUR);
    }
  });

  it('counts 72 hours on the clock across a daylight-saving change (71 or 73 wall-clock hours)', () => {
    const discoveredAt = fromWallClockTime('2026-03-27T12:00', 'Europe/London');
    const [clock] = computeRegulatorClocks(
      { regimes: ['uk_gdpr'], discoveredAt, decidedAt: null },
      { now: discoveredAt, timeZone: 'Europe/London' },
    );
    expect(clock!.deadline!.getTime() - discoveredAt.getTime()).toBe(72 * HOUR);
    expect(toWallClockTime(clock!.deadline!, 'Europe/London')).toBe('2026-03-30T13:00');
  });

  it('gives LGPD three business days, skipping the weekend in the organisation’s zone', () => {
    // Thursday 23:30 in São Paulo: Friday, Monday, Tuesday.
    const discoveredAt = fromWallClockTime('2026-12-03T23:30', 'America/Sao_Paulo');
    const [clock] = computeRegulatorClocks(
      { regimes: ['br_lgpd'], discoveredAt, decidedAt: null },
      { now: discoveredAt, timeZone: 'America/Sao_Paulo' },
    );
    expect(toWallClockTime(clock!.deadline!, 'America/Sao_Paulo')).toBe('2026-12-08T23:30');
    expect(addBusinessDaysToInstant(fromWallClockTime('2026-12-05T10:00', 'UTC'), 1, 'UTC').toISOString()).toBe('2026-12-07T10:00:00.000Z');
  });

  it('has no fixed deadline under California law', () => {
    const [clock] = computeRegulatorClocks(
      { regimes: ['us_ca_ccpa'], discoveredAt: new Date(), decidedAt: null },
      { now: new Date(), timeZone: 'UTC' },
    );
    expect(clock).toMatchObject({ state: 'no_fixed_deadline', deadline: null, remainingMs: null });
  });

  it('runs out after the deadline, and stops once a decision is recorded', () => {
    const discoveredAt = new Date('2026-12-01T00:00:00Z');
    const later = new Date(discoveredAt.getTime() + 80 * HOUR);
    const [overdue] = computeRegulatorClocks({ regimes: ['eu_gdpr'], discoveredAt, decidedAt: null }, { now: later, timeZone: 'UTC' });
    expect(overdue).toMatchObject({ state: 'overdue', remainingMs: -8 * HOUR });
    const [stopped] = computeRegulatorClocks(
      { regimes: ['eu_gdpr'], discoveredAt, decidedAt: new Date(discoveredAt.getTime() + HOUR) },
      { now: later, timeZone: 'UTC' },
    );
    expect(stopped).toMatchObject({ state: 'stopped', remainingMs: null });
  });

  it('ignores a regime with no breach rule', () => {
    expect(
      computeRegulatorClocks({ regimes: ['other'], discoveredAt: new Date(), decidedAt: null }, { now: new Date(), timeZone: 'UTC' }),
    ).toEqual([]);
  });

  it('describes durations in words', () => {
    expect(describeDuration(62 * HOUR)).toBe('2 days 14 hours');
    expect(describeDuration(-(6 * HOUR + 5 * 60_000))).toBe('6 hours 5 minutes');
    expect(describeDuration(2 * 24 * HOUR + 5 * 60_000)).toBe('2 days');
    expect(describeDuration(45 * 60_000)).toBe('45 minutes');
    expect(describeDuration(10_000)).toBe('less than a minute');
  });
});
