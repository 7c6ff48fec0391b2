import { describe, expect, it } from 'vitest';
import { getAgentStatus } from '@/lib/agents/get-agent-status';
import { fulfilRequest } from '@/lib/requests/fulfil-request';
import { fileAtDesk, fileOnBehalf } from '@/lib/requests/file-on-behalf';
import { getRequestStatus } from '@/lib/requests/get-request-status';
import { confirmVerification } from '@/lib/verification/confirm-verification';
import { aSubmission, uniqueEmail, uniqueIp } from '@/test/support/fixtures';
import { listOutboundEmails, payloadProps, tokenFromUrl } from '@/test/support/outbox';
import { getRequest, submitUnverifiedRequest } from '@/test/support/requests';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';

const db = useTestDatabase();
const team = useStaffTeam(db);

const agent = { agentName: 'Rita Representative', agentOrganisation: 'Privacy Helpers Ltd' };

async function agentTokenOf(requestId: string, agentEmail: string): Promise<string> {
  const email = (await listOutboundEmails(db, { requestId })).find((row) => row.recipient === agentEmail && row.template === 'status-link');
  if (!email) throw new Error('no status link emailed to the agent');
  const url = String(payloadProps(email).statusUrl);
  expect(url).toContain('/agent/');
  return tokenFromUrl(url);
}

describe('authorised agents', () => {
  it('[agent] files for a person: the person is emailed to confirm it themselves, the agent gets their own link, and nothing happens until the person confirms', async () => {
    const agentEmail = uniqueEmail('agent');
    const { request, verificationToken, input } = await submitUnverifiedRequest(db, {
      input: aSubmission({ type: 'access', ...agent, agentEmail }),
    });
    const emails = await listOutboundEmails(db, { requestId: request.id });
    const verification = emails.find((row) => row.template === 'verification');
    expect(verification?.recipient).toBe(input.email);
    expect(payloadProps(verification!)).toMatchObject({ agentName: agent.agentName });

    const agentToken = await agentTokenOf(request.id, agentEmail);
    expect(await getAgentStatus(db, { token: agentToken })).toMatchObject({
      status: 'unverified',
      isConfirmedByPerson: false,
      reference: null,
    });

    await confirmVerification(db, { token: verificationToken, ip: uniqueIp() });
    const confirmed = await getRequest(db, { id: request.id });
    expect(confirmed).toMatchObject({ status: 'new', agentEmail, agentName: agent.agentName });
    expect(confirmed.consumerConfirmedAt).not.toBeNull();
    expect(await getAgentStatus(db, { token: agentToken })).toMatchObject({ status: 'new', isConfirmedByPerson: true });
  });

  it('[agent] sees status and messages but never the data package, and their link is not the person’s status link', async () => {
    const agentEmail = uniqueEmail('agent');
    const { request, verificationToken } = await submitUnverifiedRequest(db, {
      input: aSubmission({ type: 'access', ...agent, agentEmail }),
    });
    const agentToken = await agentTokenOf(request.id, agentEmail);
    const { reference } = await confirmVerification(db, { token: verificationToken, ip: uniqueIp() });
    const current = await getRequest(db, { id: request.id });
    const file = new File(['name,email\nAda,ada@example.test\n'], 'your-data.csv', { type: 'text/csv' });
    await fulfilRequest(db, { actor: team.agent, reference, version: current.version, message: 'Here is your data.', files: [file] });

    const view = await getAgentStatus(db, { token: agentToken });
    expect(view).toMatchObject({ status: 'fulfilled', messages: ['Here is your data.'], fileCount: 1 });
    expect(JSON.stringify(view)).not.toMatch(/your-data\.csv|\/files\//);
    // The agent's token opens nothing on the person's own status page (where the files are).
    expect(await getRequestStatus(db, { token: agentToken })).toBeNull();
  });

  it('[agent] staff filing for an agent: with a checked power of attorney it is accepted at once; without one it waits for the person', async () => {
    const base = {
      type: 'deletion' as const,
      fullName: 'Ada Lovelace',
      jurisdiction: 'us_ca_ccpa' as const,
      intakeChannel: 'letter' as const,
      identityCheck: 'Letter from the agent with a signed permission; checked the signature.',
      receivedOn: new Date().toISOString().slice(0, 10),
      ...agent,
    };
    const withPoa = await fileAtDesk(db, {
      actor: team.agent,
      input: { ...base, email: uniqueEmail('poa'), agentEmail: uniqueEmail('agent'), agentHasPowerOfAttorney: true },
    });
    expect(withPoa.reference).toMatch(/^DSR-/);

    const personEmail = uniqueEmail('person');
    const withoutPoa = await fileAtDesk(db, {
      actor: team.agent,
      input: { ...base, email: personEmail, agentEmail: uniqueEmail('agent') },
    });
    expect(withoutPoa.reference).toBeNull();
    // The API's and other callers' fileOnBehalf refuses to skip the person's confirmation.
    await expect(
      fileOnBehalf(db, { actor: team.agent, input: { ...base, email: uniqueEmail('person'), agentEmail: uniqueEmail('agent') } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
