import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/lib/database';
import { describeDeadlinePolicy } from '@/lib/settings/describe-deadline-policy';
import { getOrganisationSettings } from '@/lib/settings/get-organisation-settings';
import { getOrganisationTexts } from '@/lib/settings/get-organisation-texts';
import { listMissingTranslations } from '@/lib/settings/localise-organisation-texts';
import { listJurisdictionPolicies } from '@/lib/settings/list-jurisdiction-policies';
import { getAccessInformation } from '@/lib/settings/get-access-information';
import { listMissingAccessInformationTranslations } from '@/lib/settings/localise-access-information';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { getBranding } from '@/lib/settings/get-branding';
import { BrandingForm } from './branding-form';
import { OrganisationForm } from './organisation-form';
import { MissingTranslations, translatableTextNames } from './missing-translations';
import { OrganisationTextsForm } from './organisation-texts-form';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const actor = await requireStaffPage('settings.manage');
  const db = getDb();
  const [organisation, policies, branding, texts] = await Promise.all([
    getOrganisationSettings(db),
    listJurisdictionPolicies(db, { actor }),
    getBranding(db),
    getOrganisationTexts(db),
  ]);
  const accessInformation = await Promise.all(policies.map(async ({ code }) => getAccessInformation(db, code)));
  // The organisation's own texts, then what each regime's access packages say (edited on that regime's page).
  const missing = [
    ...listMissingTranslations(organisation, texts).map(({ locale, field }) => ({ locale, text: translatableTextNames[field] })),
    ...policies.flatMap(({ policy }, index) =>
      listMissingAccessInformationTranslations(accessInformation[index]!).map(({ locale, field }) => ({
        locale,
        text: `${policy.label} access package: ${translatableTextNames[field]}`,
      })),
    ),
  ];

  return (
    <>
      <h1>Settings</h1>

      <section className="panel" aria-labelledby="organisation-heading">
        <h2 id="organisation-heading">Organisation and email sender</h2>
        <OrganisationForm current={organisation} />
      </section>

      <section className="panel" aria-labelledby="branding-heading">
        <h2 id="branding-heading">Branding</h2>
        <p>Your logo and colour on the public pages, the status page and every email to requesters.</p>
        <BrandingForm accentColour={branding.accentColour} logoPath={branding.logoPath} />
      </section>

      <section className="panel" aria-labelledby="texts-heading">
        <h2 id="texts-heading">Texts in the requester’s language</h2>
        <p>
          Requesters read the pages and emails in their own language. What you write yourself (contact, privacy notice, sign-off, and what
          access packages tell the requester, edited under each jurisdiction below) can be given per language; where a language has none,
          its readers see the English one.
        </p>
        <MissingTranslations items={missing} id="missing-translations" whenNone="Every text you wrote in English has a translation." />
        <OrganisationTextsForm current={texts} />
      </section>

      <section className="panel" aria-labelledby="sources-heading">
        <h2 id="sources-heading">Data sources</h2>
        <p>The databases, systems and paper files that hold people’s data: what access requests gather and what erasure deletes.</p>
        <p>
          <Link href="/staff/settings/sources">Manage data sources</Link>
        </p>
      </section>

      <section className="panel" aria-labelledby="api-keys-heading">
        <h2 id="api-keys-heading">API keys</h2>
        <p>Keys other systems use to file, read and work requests through the REST API.</p>
        <p>
          <Link href="/staff/settings/api-keys">Manage API keys</Link>
        </p>
      </section>

      <section className="panel" aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">Event webhooks</h2>
        <p>URLs that are sent request events (created, verified, status changed, due soon, closed) as they happen.</p>
        <p>
          <Link href="/staff/settings/webhooks">Manage event webhooks</Link>
        </p>
      </section>

      <section className="panel" aria-labelledby="deadlines-heading">
        <h2 id="deadlines-heading">Deadlines by jurisdiction</h2>
        <p className="warning">
          Changes apply to requests accepted from now on. Each request keeps the deadline policy it was accepted under, so open requests are
          not affected.
        </p>
        {policies.length === 0 ? (
          <p className="empty-state">No jurisdictions are set up. Run the database seed to add the defaults.</p>
        ) : (
          <table className="data">
            <caption className="table-caption">The deadline each region’s requests get, and what the law sets by default</caption>
            <thead>
              <tr>
                <th scope="col">Jurisdiction</th>
                <th scope="col">Deadline</th>
                <th scope="col">Extension</th>
                <th scope="col">Appeal</th>
                <th scope="col">Legal basis</th>
                <th scope="col">Law’s default</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {policies.map(({ code, policy, lawDefault }) => {
                const current = describeDeadlinePolicy(policy);
                const fallback = lawDefault ? describeDeadlinePolicy(lawDefault) : null;
                return (
                  <tr key={code}>
                    <th scope="row">{policy.label}</th>
                    <td>{current.deadline}</td>
                    <td>{current.extension}</td>
                    <td>{current.appeal}</td>
                    <td>{policy.legalBasis || '—'}</td>
                    <td>{fallback ? `${fallback.deadline}; extension: ${fallback.extension}` : 'No default (added by hand)'}</td>
                    <td>
                      <Link href={`/staff/settings/jurisdictions/${code}`}>
                        Edit<span className="visually-hidden"> {policy.label}</span>
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
