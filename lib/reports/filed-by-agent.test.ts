import { beforeAll, describe, expect, it } from 'vitest';
import { exportAuditLog } from '@/lib/audit/export-audit-log';
import { minimiseClosedRequests } from '@/lib/requests/minimise-closed-requests';
import { rejectRequest } from '@/lib/requests/reject-request';
import { uniqueEmail } from '@/test/support/fixtures';
import { getRequest } from '@/test/support/requests';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';
import { getReportCsv } from './get-report-csv';
import { getRequestReport } from './get-request-report';

const db = useTestDatabase();
const team = useStaffTeam(db);

// Received in 1987 in this file's own database: the figures below are exactly these requests.
const year1987 = { from: '1987-01-01', to: '1987-12-31' };
const at = (date: string) => new Date(`${date}T10:00:00Z`);

const ids = { agentOnTime: '', agentLate: '', agentOpen: '', directOnTime: '' };

async function seed(receivedOn: string, { viaAgent, rejectOn }: { viaAgent: boolean; rejectOn?: string }): Promise<string> {
  const agent = viaAgent ? { agentName: 'Rita Representative', agentEmail: uniqueEmail('agent') } : {};
  const { request, reference } = await createVerifiedRequest(db, { type: 'deletion', now: at(receivedOn), input: agent });
  if (rejectOn) {
    const { version } = await getRequest(db, { id: request.id });
    await rejectRequest(db, { actor: team.agent, reference, version, basis: 'identity_not_verified', now: at(rejectOn) });
  }
  return request.id;
}

beforeAll(async () => {
  // GDPR: due one calendar month after receipt.
  ids.agentOnTime = await seed('1987-01-05', { viaAgent: true, rejectOn: '1987-01-20' });
  ids.agentLate = await seed('1987-02-01', { viaAgent: true, rejectOn: '1987-03-20' });
  ids.agentOpen = await seed('1987-03-01', { viaAgent: true });
  ids.directOnTime = await seed('1987-04-01', { viaAgent: false, rejectOn: '1987-04-10' });
  // Long past the retention period: the agent's name and email are gone, the fact that an agent filed is not.
  await minimiseClosedRequests(db, { now: new Date() });
});

describe('requests filed through an authorised agent, in the records (issue #10)', () => {
  it('minimisation removes the agent’s details but keeps that an agent filed', async () => {
    expect(await getRequest(db, { id: ids.agentLate })).toMatchObject({ agentEmail: null, agentName: null, isFiledByAgent: true });
    expect(await getRequest(db, { id: ids.directOnTime })).toMatchObject({ isFiledByAgent: false });
  });

  it('[admin] the report splits received and on-time figures by agent and direct filings', async () => {
    const report = await getRequestReport(db, { actor: team.admin, range: year1987 });
    expect(report.byFiler).toEqual([
      { filer: 'agent', received: 3, open: 1, answered: 2, answeredOnTime: 1, onTimeRate: 0.5 },
      { filer: 'direct', received: 1, open: 0, answered: 1, answeredOnTime: 1, onTimeRate: 1 },
    ]);
    expect(report.summary.received).toBe(4);

    const { csv } = await getReportCsv(db, { actor: team.auditor, report: 'summary', query: year1987 });
    expect(csv).toContain('requests received through an authorised agent,3');
    expect(csv).toContain('requests received directly by the person,1');
    expect(csv).toContain('on-time rate through an authorised agent (%),50');
  });

  it('[auditor] the request-log export says which requests an agent filed, after minimisation too', async () => {
    const download = await exportAuditLog(db, { actor: team.auditor, query: { log: 'requests', format: 'ndjson', ...year1987 } });
    const text = await new Response(download.body).text();
    const rows = text
      .trimEnd()
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .map((line) => JSON.parse(line) as { id: string; via_agent: string });
    const viaAgent = Object.fromEntries(rows.map((row) => [row.id, row.via_agent]));
    expect(viaAgent).toEqual({ [ids.agentOnTime]: 'yes', [ids.agentLate]: 'yes', [ids.agentOpen]: 'yes', [ids.directOnTime]: 'no' });
  });
});
