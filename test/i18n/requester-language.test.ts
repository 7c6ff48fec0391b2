import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/requests/route';
import { requests } from '@/db/schema';
import { renderEmail } from '@/emails/render-email';
import { type TEmailPayload, ZEmailPayload } from '@/emails/templates';
import { changeRequestLanguage } from '@/lib/requests/change-request-language';
import { rejectRequest } from '@/lib/requests/reject-request';
import { uniqueEmail, uniqueIp } from '@/test/support/fixtures';
import { listOutboundEmails } from '@/test/support/outbox';
import { listRequestsForEmail } from '@/test/support/requests';
import { useStaffTeam } from '@/test/support/staff';
import { useTestDatabase } from '@/test/support/test-database';
import { createVerifiedRequest } from '@/test/support/verified-request';

const db = useTestDatabase();
const team = useStaffTeam(db);

function postRequest(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return POST(
    new Request('http://localhost:3999/api/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': uniqueIp(), ...headers },
      body: JSON.stringify({ type: 'access', fullName: 'Emmy Noether', jurisdiction: 'eu_gdpr', isAuthorised: true, ...body }),
    }),
  );
}

async function languageOf(email: string): Promise<string> {
  const [request] = await listRequestsForEmail(db, { email });
  return request!.language;
}

describe('the requester’s language', () => {
  it('[API client] names it with `language`; without it, Accept-Language chooses; without either, English', async () => {
    const named = uniqueEmail('named');
    expect((await postRequest({ email: named, language: 'pt-BR' }, { 'accept-language': 'de' })).status).toBe(202);
    expect(await languageOf(named)).toBe('pt-BR');

    const negotiated = uniqueEmail('negotiated');
    expect((await postRequest({ email: negotiated }, { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' })).status).toBe(202);
    expect(await languageOf(negotiated)).toBe('fr');

    const plain = uniqueEmail('plain');
    expect((await postRequest({ email: plain })).status).toBe(202);
    expect(await languageOf(plain)).toBe('en');
  });

  it('[API client] a language we do not offer is refused with the field named', async () => {
    const response = await postRequest({ email: uniqueEmail('klingon'), language: 'tlh' });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('language');
  });

  it('[requester] the verification email is in the request’s language', async () => {
    const email = uniqueEmail('es');
    await postRequest({ email, language: 'es' });
    const [request] = await listRequestsForEmail(db, { email });
    const [verification] = await listOutboundEmails(db, { requestId: request!.id });
    const payload = ZEmailPayload.parse(verification!.payload) as TEmailPayload;
    expect(payload.locale).toBe('es');
    const rendered = await renderEmail(payload);
    expect(rendered.subject).toBe('Confirme su solicitud de privacidad');
    expect(rendered.html).toContain('lang="es"');
    expect(rendered.text).toContain('Acceso — una copia de mis datos personales');
  });

  it('[agent] a refusal goes out in the language the requester chose later on their status page, the staff message as written', async () => {
    const { request, reference, statusToken } = await createVerifiedRequest(db);
    expect(await changeRequestLanguage(db, { token: statusToken, language: 'de' })).toBe(true);
    const [changed] = await db.select().from(requests).where(eq(requests.id, request.id));
    expect(changed!.language).toBe('de');

    await rejectRequest(db, {
      actor: team.agent,
      reference,
      version: changed!.version,
      basis: 'no_data_held',
      message: 'We searched every system.',
    });
    const emails = await listOutboundEmails(db, { requestId: request.id });
    const refusal = emails.find((email) => email.template === 'request-rejected')!;
    const rendered = await renderEmail(ZEmailPayload.parse(refusal.payload));
    expect(rendered.subject).toBe(`Neuigkeiten zu Ihrer Anfrage ${reference}`);
    expect(rendered.text).toContain('Grund: Wir speichern keine personenbezogenen Daten über Sie');
    expect(rendered.text).toContain('We searched every system.');
  });

  it('[requester] a link that leads nowhere changes no language', async () => {
    expect(await changeRequestLanguage(db, { token: 'x'.repeat(43), language: 'fr' })).toBe(false);
  });
});
