import { expect, test } from '@playwright/test';
import { extractLink, waitForEmail } from '../fixtures/mail-inbox';
import { uniqueEmail } from '../fixtures/requests';
import { signedInStaff } from '../fixtures/staff';
import { openRequestAction } from '../fixtures/request-actions';

test.describe.configure({ timeout: 180_000 });

const germanDate = /^\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}$/;

test('[requester] a German speaker files, confirms and follows a request in German; the refusal email and status page are German too', async ({
  browser,
  page,
}) => {
  const email = uniqueEmail('deutsch');
  const german = await browser.newContext({ locale: 'de-DE' });
  const requester = await german.newPage();

  await test.step('the browser asks for German: the start page and the form are German', async () => {
    await requester.goto('/');
    await expect(requester.locator('html')).toHaveAttribute('lang', 'de');
    await expect(requester.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(requester.getByRole('heading', { level: 1 })).toHaveText(/^Ihre personenbezogenen Daten bei /);
    await requester.getByRole('link', { name: 'Anfrage stellen' }).click();
    await expect(requester.getByRole('heading', { level: 1, name: 'Datenschutzanfrage stellen' })).toBeVisible();
  });

  await test.step('field errors are German', async () => {
    await requester.getByRole('button', { name: 'Anfrage senden' }).click();
    await expect(requester.locator('.error-summary')).toContainText('Bitte korrigieren Sie die unten genannten Probleme.');
    await expect(requester.locator('#email-error')).toHaveText('Geben Sie Ihre E-Mail-Adresse ein');
    await expect(requester.locator('#type-error')).toHaveText('Wählen Sie, was wir für Sie tun sollen');
  });

  await test.step('file the request', async () => {
    await requester.getByLabel(/^Auskunft/).check();
    await requester.getByLabel('E-Mail-Adresse').fill(email);
    await requester.getByLabel('Vollständiger Name').fill('Emmy Noether');
    await requester.getByLabel('Wo wohnen Sie?').selectOption({ label: 'EU/EWR — DSGVO' });
    await requester.getByLabel('Ich bin die genannte Person oder darf in ihrem Auftrag handeln').check();
    await requester.getByRole('button', { name: 'Anfrage senden' }).click();
    await expect(requester.getByRole('heading', { level: 1, name: 'Prüfen Sie Ihre E-Mails' })).toBeVisible();
    await expect(requester.getByText(`Wir haben eine E-Mail an ${email} gesendet.`)).toBeVisible();
  });

  const verification = await waitForEmail(email, { subject: /^Bestätigen Sie Ihre Datenschutzanfrage$/ });
  expect(verification.text).toContain('Auskunft — eine Kopie meiner personenbezogenen Daten');
  expect(verification.html).toContain('lang="de"');

  let reference = '';
  await test.step('the confirmation page is German even in a browser that asks for English: the request keeps its language', async () => {
    const english = await browser.newContext({ locale: 'en-GB' });
    const elsewhere = await english.newPage();
    await elsewhere.goto(extractLink(verification.text, '/verify/'));
    await expect(elsewhere.locator('html')).toHaveAttribute('lang', 'de');
    await expect(elsewhere.getByRole('heading', { level: 1, name: 'Anfrage bestätigen' })).toBeVisible();
    await expect(elsewhere.getByRole('definition').filter({ hasText: 'EU/EWR — DSGVO' })).toBeVisible();
    await elsewhere.getByRole('button', { name: 'Anfrage bestätigen' }).click();
    await expect(elsewhere).toHaveURL(/\/status\//);
    await expect(elsewhere.getByRole('status')).toContainText('Vielen Dank: Ihre Anfrage ist bestätigt.');
    reference = /DSR-\d{4}-\d{6,}/.exec((await elsewhere.getByRole('heading', { level: 1 }).textContent()) ?? '')![0];
    await english.close();
  });

  const acknowledgement = await waitForEmail(email, { subject: new RegExp(`^Wir haben Ihre Anfrage ${reference} erhalten$`) });
  const statusUrl = extractLink(acknowledgement.text, '/status/');
  expect(acknowledgement.text).toMatch(/Wir antworten bis: \d{1,2}\. \p{L}+ \d{4}/u);

  await test.step('the status page is German, with dates as Germans write them', async () => {
    await requester.goto(statusUrl);
    await expect(requester.getByRole('heading', { level: 1, name: `Anfrage ${reference}` })).toBeVisible();
    await expect(requester.locator('dt', { hasText: 'Antwort fällig bis' }).locator('xpath=following-sibling::dd[1]')).toHaveText(
      germanDate,
    );
    await expect(requester.locator('.status-pill')).toHaveText('Eingegangen');
    await expect(requester.getByRole('listitem').filter({ hasText: 'Anfrage eingegangen' })).toBeVisible();
  });

  await test.step('staff see the requester’s language, and the refusal goes out in German', async () => {
    await signedInStaff(page, 'agent');
    await page.goto(`/staff/requests/${reference}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#requester-language-note')).toContainText('The requester reads German');
    await openRequestAction(page, 'Reject the request');
    await page.getByLabel('We could not verify your identity').check();
    await page.getByLabel('Explanation for the requester (optional)').fill('Bitte senden Sie uns Ihre Kundennummer.');
    await page.getByLabel(new RegExp(`^Yes, close ${reference} and email`)).check();
    await page.getByRole('button', { name: 'Reject request' }).click();
    await expect(page.getByRole('status')).toContainText('Request rejected');

    const refusal = await waitForEmail(email, { subject: new RegExp(`^Neuigkeiten zu Ihrer Anfrage ${reference}$`) });
    expect(refusal.text).toContain('Grund: Wir konnten Ihre Identität nicht überprüfen');
    // Staff messages are sent as written.
    expect(refusal.text).toContain('Bitte senden Sie uns Ihre Kundennummer.');
    expect(refusal.text).toContain('Datenschutzaufsichtsbehörde');
  });

  await test.step('the status page says why, in German', async () => {
    await requester.goto(statusUrl);
    await expect(requester.locator('.status-pill')).toHaveText('Abgelehnt');
    await expect(requester.getByRole('heading', { name: 'Warum wir abgelehnt haben' })).toBeVisible();
    await expect(requester.getByText('Wir konnten Ihre Identität nicht überprüfen')).toBeVisible();
  });

  await test.step('switching language on the status page changes the request’s language', async () => {
    await requester.getByLabel('Sprache').selectOption('fr');
    await requester.getByRole('button', { name: 'Sprache wechseln' }).click();
    await expect(requester.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(requester.getByRole('heading', { level: 1, name: `Demande ${reference}` })).toBeVisible();
    await page.reload();
    await expect(page.locator('#requester-language-note')).toContainText('The requester reads French');
  });

  await german.close();
});

test('[visitor] the language switcher on a public page changes the language and remembers it', async ({ page }) => {
  await page.goto('/find-request');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Find my request' })).toBeVisible();
  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('button', { name: 'Change language' }).click();
  await expect(page).toHaveURL(/\/find-request$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1, name: 'Encontrar mi solicitud' })).toBeVisible();
  await page.goto('/request');
  await expect(page.getByRole('heading', { level: 1, name: 'Hacer una solicitud de privacidad' })).toBeVisible();
  await page.getByLabel('Idioma').selectOption('pt-BR');
  await page.getByRole('button', { name: 'Cambiar idioma' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await expect(page.getByRole('heading', { level: 1, name: 'Fazer uma solicitação de privacidade' })).toBeVisible();
});
