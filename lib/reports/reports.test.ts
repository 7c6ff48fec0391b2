import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelRequest } from '@/lib/requests/cancel-request';
import { extendDeadline } from '@/lib/requests/extend-deadline';
import { fulfilRequest } from '@/lib/requests/fulfil-request';
import { appealRequest } from '@/lib/requests/appeal-request';
import { decideAppeal } from '@/lib/requests/decide-appeal';
import { rejectRequest } from '@/lib/requests/reject-request';
import type { StaffActor } from '@/lib/staff/staff-actor';
import type { RejectionBasis } from '@/lib/validation/staff-actions';
import { useEnvOverrides } from '@/test/support/env-overrides';
import { aSubmission } from '@/test/support/fixtures';
import { refusal } from '@/test/support/request-snapshot';
import { getRequest, submitUnverifiedRequest } from '@/test/support/requests';
import { createStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import type { JurisdictionCode } from '@/lib/validation/jurisdiction';
import { type RequestType, requestTypeRules } from '@/lib/validation/request-type';
import { getAnnualDisclosure } from './get-annual-disclosure';
import { getReportCsv } from './get-report-csv';
import { getFiguresByTypeAndRegime } from './get-figures-by-type-and-regime';
import { getRequestReport } from './get-request-report';

const db = useTestDatabase();
const setEnv = useEnvOverrides();

// Every request here is received in 1983 in this file's own database, so the
// figures below are exactly those worked out by hand from this list.
const year1983 = { from: '1983-01-01', to: '1983-12-31' };
const at = (date: string) => new Date(`${date}T10:00:00Z`);
const plusDays = (date: string, days: number) => new Date(at(date).getTime() + days * 24 * 60 * 60 * 1000);

let team: Record<'admin' | 'agent' | 'auditor', StaffActor>;
let storageDir: string;

type Closing =
  | { fulfilAfterDays: number }
  | { rejectAfterDays: number; basis: RejectionBasis }
  | { cancelAfterDays: number }
  | { open: true };

async function seed(
  type: RequestType,
  receivedOn: string,
  closing: Closing,
  { extendAfterDays, jurisdiction = 'eu_gdpr' }: { extendAfterDays?: number; jurisdiction?: JurisdictionCode } = {},
) {
  const { request, reference, statusToken } = await createVerifiedRequest(db, {
    jurisdiction,
    type,
    now: at(receivedOn),
    input: { details: 'My postcode is wrong: it should be AB1 2CD.' },
  });
  const agent = team.agent;
  if (extendAfterDays !== undefined) {
    await extendDeadline(db, {
      actor: agent,
      reference,
      version: request.version,
      reason: 'Records in three systems.',
      now: plusDays(receivedOn, extendAfterDays),
    });
  }
  const { version } = await getRequest(db, { id: request.id });
  if ('fulfilAfterDays' in closing) {
    const files = requestTypeRules[type].answer === 'data' ? [new File(['the data'], 'data.csv', { type: 'text/csv' })] : [];
    await fulfilRequest(db, {
      actor: agent,
      reference,
      version,
      message: 'Done.',
      files,
      now: plusDays(receivedOn, closing.fulfilAfterDays),
    });
  } else if ('rejectAfterDays' in closing) {
    await rejectRequest(db, { actor: agent, reference, version, basis: closing.basis, now: plusDays(receivedOn, closing.rejectAfterDays) });
  } else if ('cancelAfterDays' in closing) {
    await cancelRequest(db, { token: statusToken, ip: null, now: plusDays(receivedOn, closing.cancelAfterDays) });
  }
  return { ...(await getRequest(db, { id: request.id })), statusToken };
}

beforeAll(async () => {
  storageDir = mkdtempSync(path.join(os.tmpdir(), 'dsr-desk-reports-'));
  setEnv({ STORAGE_DIR: storageDir });
  team = await createStaffTeam(db);
  // GDPR: due one calendar month after receipt; one extension of two months.
  await seed('access', '1983-01-10', { fulfilAfterDays: 5 }); // due 10 Feb: on time
  await seed('export', '1983-01-20', { fulfilAfterDays: 20 }); // due 20 Feb: on time
  await seed('deletion', '1983-02-01', { fulfilAfterDays: 40 }); // due 1 Mar, closed 13 Mar: late
  const extended = await seed('deletion', '1983-02-10', { fulfilAfterDays: 60 }, { extendAfterDays: 5 }); // due 10 May after the extension, closed 11 Apr: on time
  expect(extended.dueOn).toBe('1983-05-10');
  await seed('access', '1983-03-01', { rejectAfterDays: 3, basis: 'identity_not_verified' });
  await seed('deletion', '1983-03-05', { rejectAfterDays: 10, basis: 'identity_not_verified' });
  await seed('export', '1983-03-10', { rejectAfterDays: 45, basis: 'legal_exemption' }); // due 10 Apr, closed 24 Apr: late
  await seed('access', '1983-04-01', { cancelAfterDays: 2 }); // withdrawn: listed, not in compliance figures
  await seed('deletion', '1983-06-01', { open: true }); // due 1 Jul 1983: overdue ever since
  // Never confirmed: no request at all, in no figure.
  await submitUnverifiedRequest(db, { input: aSubmission({ jurisdiction: 'eu_gdpr', type: 'access' }), now: at('1983-06-15') });
});
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

describe('[auditor] reads the on-time report for a date range', () => {
  it('counts requests by month, type and status, leaving out never-confirmed ones', async () => {
    const report = await getRequestReport(db, { actor: team.auditor, range: year1983 });
    expect(report.byMonth).toEqual([
      { month: '1983-01', type: 'access', status: 'fulfilled', count: 1 },
      { month: '1983-01', type: 'export', status: 'fulfilled', count: 1 },
      { month: '1983-02', type: 'deletion', status: 'fulfilled', count: 2 },
      { month: '1983-03', type: 'access', status: 'rejected', count: 1 },
      { month: '1983-03', type: 'export', status: 'rejected', count: 1 },
      { month: '1983-03', type: 'deletion', status: 'rejected', count: 1 },
      { month: '1983-04', type: 'access', status: 'cancelled', count: 1 },
      { month: '1983-06', type: 'deletion', status: 'new', count: 1 },
    ]);
  });

  it('computes the on-time rate and days to close over answered requests only, and counts overdue, extensions and declines by basis', async () => {
    const report = await getRequestReport(db, { actor: team.auditor, range: year1983 });
    // Days to close, answered only: 3, 5, 10, 20, 40, 45, 60 (sum 183). On time: all but 40 and 45.
    expect(report.summary).toEqual({
      received: 9,
      open: 1,
      fulfilled: 4,
      rejected: 3,
      cancelled: 1,
      answered: 7,
      answeredOnTime: 5,
      onTimeRate: 5 / 7,
      meanDaysToClose: 183 / 7,
      medianDaysToClose: 20,
      // percentile_cont interpolates: position 0.9 × 6 = 5.4, so 45 + 0.4 × (60 − 45) = 51 (in floating point)
      p90DaysToClose: expect.closeTo(51, 10),
      overdueNow: 1,
      extendedRequests: 1,
      extensionsUsed: 1,
    });
    expect(report.rejectionsByBasis).toEqual([
      { basis: 'identity_not_verified', count: 2 },
      { basis: 'legal_exemption', count: 1 },
    ]);
  });

  it('splits the on-time figures by regime and type, so one law’s late requests are not hidden by another’s', async () => {
    const rows = (await getFiguresByTypeAndRegime(db, { actor: team.auditor, range: year1983 })).filter(
      (row) => row.jurisdiction === 'eu_gdpr' && !row.isAppeal,
    );
    const pick = ({ type, received, open, fulfilled, rejected, answeredOnTime, onTimeRate }: (typeof rows)[number]) => ({
      type,
      received,
      open,
      fulfilled,
      rejected,
      answeredOnTime,
      onTimeRate,
    });
    expect(rows.map(pick)).toEqual([
      { type: 'access', received: 3, open: 0, fulfilled: 1, rejected: 1, answeredOnTime: 2, onTimeRate: 1 },
      { type: 'export', received: 2, open: 0, fulfilled: 1, rejected: 1, answeredOnTime: 1, onTimeRate: 0.5 },
      { type: 'deletion', received: 4, open: 1, fulfilled: 2, rejected: 1, answeredOnTime: 2, onTimeRate: 2 / 3 },
    ]);
    expect(rows[0]!.jurisdictionLabel).toMatch(/GDPR/);
    expect(await refusal(getFiguresByTypeAndRegime(db, { actor: team.agent, range: year1983 }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps to the range: January and February only', async () => {
    const { summary } = await getRequestReport(db, { actor: team.admin, range: { from: '1983-01-01', to: '1983-02-28' } });
    // 5, 20, 40, 60: median 30; p90 position 2.7, so 40 + 0.7 × 20.
    expect(summary).toMatchObject({
      received: 4,
      answered: 4,
      answeredOnTime: 3,
      onTimeRate: 0.75,
      medianDaysToClose: 30,
      p90DaysToClose: expect.closeTo(54, 10),
      overdueNow: 0,
    });
  });

  it('reports nothing measured as null rather than zero', async () => {
    const { summary, byMonth, rejectionsByBasis } = await getRequestReport(db, {
      actor: team.auditor,
      range: { from: '1983-07-01', to: '1983-07-31' },
    });
    expect(summary).toMatchObject({
      received: 0,
      answered: 0,
      onTimeRate: null,
      meanDaysToClose: null,
      medianDaysToClose: null,
      p90DaysToClose: null,
      extensionsUsed: 0,
    });
    expect(byMonth).toEqual([]);
    expect(rejectionsByBasis).toEqual([]);
  });
});

describe('[auditor] reads the CCPA §7102 annual disclosure', () => {
  it('counts requests to know (access with export) and to delete: received, complied, denied, and median and mean days', async () => {
    const disclosure = await getAnnualDisclosure(db, { actor: team.auditor, year: 1983 });
    expect(disclosure).toEqual({
      year: 1983,
      rows: [
        // Know: answered in 5, 20, 3 and 45 days; the withdrawn one is received but neither complied nor denied.
        {
          category: 'know',
          received: 5,
          compliedInWholeOrPart: 2,
          denied: 2,
          withdrawn: 1,
          stillOpen: 0,
          medianDaysToRespond: 12.5,
          meanDaysToRespond: 18.25,
        },
        // Delete: answered in 40, 60 and 10 days; one still open.
        {
          category: 'delete',
          received: 4,
          compliedInWholeOrPart: 2,
          denied: 1,
          withdrawn: 0,
          stillOpen: 1,
          medianDaysToRespond: 40,
          meanDaysToRespond: 110 / 3,
        },
        ...['correct', 'opt_out', 'limit', 'targeted_ads', 'unsubscribe', 'restriction', 'objection', 'appeal'].map((category) => ({
          category,
          received: 0,
          compliedInWholeOrPart: 0,
          denied: 0,
          withdrawn: 0,
          stillOpen: 0,
          medianDaysToRespond: null,
          meanDaysToRespond: null,
        })),
      ],
    });
  });

  it('counts requests to correct, to opt out and to limit separately (§7102(a)(1)), each in one row', async () => {
    await seed('correction', '1984-03-01', { fulfilAfterDays: 10 });
    await seed('opt_out_sale', '1984-03-01', { fulfilAfterDays: 3 }, { jurisdiction: 'us_ca_ccpa' });
    await seed('opt_out_sale', '1984-03-02', { rejectAfterDays: 5, basis: 'identity_not_verified' }, { jurisdiction: 'us_ca_ccpa' });
    await seed('limit_sensitive', '1984-03-01', { open: true }, { jurisdiction: 'us_ca_ccpa' });
    // A Virginia access request refused, appealed and granted: the appeal is counted once, in its own row.
    const refused = await seed('access', '1984-04-02', { rejectAfterDays: 5, basis: 'legal_exemption' }, { jurisdiction: 'us_va_vcdpa' });
    const { reference: appealReference } = await appealRequest(db, {
      token: refused.statusToken,
      reason: 'Please look again.',
      ip: null,
      now: plusDays('1984-04-02', 7),
    });
    await decideAppeal(db, {
      actor: team.admin,
      reference: appealReference,
      version: 1,
      outcome: 'granted',
      message: 'Granted.',
      now: plusDays('1984-04-02', 9),
    });
    const { rows } = await getAnnualDisclosure(db, { actor: team.auditor, year: 1984 });
    expect(rows.filter((row) => row.received > 0)).toEqual([
      {
        category: 'know',
        received: 1,
        compliedInWholeOrPart: 0,
        denied: 0,
        withdrawn: 0,
        stillOpen: 1,
        medianDaysToRespond: null,
        meanDaysToRespond: null,
      },
      {
        category: 'correct',
        received: 1,
        compliedInWholeOrPart: 1,
        denied: 0,
        withdrawn: 0,
        stillOpen: 0,
        medianDaysToRespond: 10,
        meanDaysToRespond: 10,
      },
      {
        category: 'opt_out',
        received: 2,
        compliedInWholeOrPart: 1,
        denied: 1,
        withdrawn: 0,
        stillOpen: 0,
        medianDaysToRespond: 4,
        meanDaysToRespond: 4,
      },
      {
        category: 'limit',
        received: 1,
        compliedInWholeOrPart: 0,
        denied: 0,
        withdrawn: 0,
        stillOpen: 1,
        medianDaysToRespond: null,
        meanDaysToRespond: null,
      },
      {
        category: 'appeal',
        received: 1,
        compliedInWholeOrPart: 1,
        denied: 0,
        withdrawn: 0,
        stillOpen: 0,
        medianDaysToRespond: 2,
        meanDaysToRespond: 2,
      },
    ]);
  });

  it('shows both kinds with zeros for a year without requests', async () => {
    const disclosure = await getAnnualDisclosure(db, { actor: team.admin, year: 1982 });
    expect(disclosure.rows.map((row) => [row.category, row.received, row.medianDaysToRespond])).toEqual([
      ['know', 0, null],
      ['delete', 0, null],
      ['correct', 0, null],
      ['opt_out', 0, null],
      ['limit', 0, null],
      ['targeted_ads', 0, null],
      ['unsubscribe', 0, null],
      ['restriction', 0, null],
      ['objection', 0, null],
      ['appeal', 0, null],
    ]);
  });
});

describe('[auditor] downloads the figures as CSV', () => {
  it('gives the summary with the same numbers as the report', async () => {
    const { fileName, csv } = await getReportCsv(db, { actor: team.auditor, report: 'summary', query: year1983 });
    expect(fileName).toBe('summary-1983-01-01-to-1983-12-31.csv');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('figure,value');
    expect(lines).toEqual(
      expect.arrayContaining([
        'requests received,9',
        'answered on time,5',
        'on-time rate (%),71.4',
        'mean days to close,26.1',
        'median days to close,20',
        '90th percentile days to close,51',
        'overdue now,1',
        'extensions used,1',
      ]),
    );
  });

  it('gives the annual disclosure, counts by month and declines by basis', async () => {
    const disclosure = await getReportCsv(db, { actor: team.admin, report: 'annual-disclosure', query: { year: '1983' } });
    expect(disclosure.fileName).toBe('annual-disclosure-1983.csv');
    expect(disclosure.csv.trim().split('\n')).toEqual([
      'year,request kind,received,complied with in whole or in part,denied,withdrawn,still open,median days to respond,mean days to respond',
      '1983,Requests to know (access and export),5,2,2,1,0,12.5,18.3',
      '1983,Requests to delete,4,2,1,0,1,40,36.7',
      '1983,Requests to correct,0,0,0,0,0,,',
      '1983,Requests to opt out of sale or sharing,0,0,0,0,0,,',
      '1983,Requests to limit use of sensitive personal information,0,0,0,0,0,,',
      '1983,Requests to opt out of targeted advertising (other states),0,0,0,0,0,,',
      '1983,Marketing unsubscribes,0,0,0,0,0,,',
      '1983,Requests to restrict processing (GDPR),0,0,0,0,0,,',
      '1983,Objections to processing (GDPR),0,0,0,0,0,,',
      '1983,Appeals of a refusal (complied with: granted; denied: refusal upheld),0,0,0,0,0,,',
    ]);
    const byMonth = await getReportCsv(db, { actor: team.auditor, report: 'by-month', query: { from: '1983-02-01', to: '1983-02-28' } });
    expect(byMonth.csv.trim().split('\n')).toEqual(['month,type,status,requests', '1983-02,deletion,Fulfilled,2']);
    const rejections = await getReportCsv(db, { actor: team.auditor, report: 'rejections', query: year1983 });
    expect(rejections.csv.trim().split('\n')).toEqual([
      'basis,reason,requests',
      'identity_not_verified,We could not verify your identity,2',
      'legal_exemption,A legal exemption applies,1',
    ]);
  });

  it('refuses a range that ends before it starts', async () => {
    const error = await refusal(
      getReportCsv(db, { actor: team.auditor, report: 'summary', query: { from: '1983-12-31', to: '1983-01-01' } }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('The end date must be on or after the start date');
  });
});

describe('[agent] cannot read reports', () => {
  it('is refused every report use case with FORBIDDEN', async () => {
    expect((await refusal(getRequestReport(db, { actor: team.agent, range: year1983 }))).code).toBe('FORBIDDEN');
    expect((await refusal(getAnnualDisclosure(db, { actor: team.agent, year: 1983 }))).code).toBe('FORBIDDEN');
    expect((await refusal(getReportCsv(db, { actor: team.agent, report: 'summary', query: {} }))).code).toBe('FORBIDDEN');
  });
});
