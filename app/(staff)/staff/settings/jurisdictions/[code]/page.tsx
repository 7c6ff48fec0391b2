import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/lib/database';
import { describeDeadlinePolicy } from '@/lib/settings/describe-deadline-policy';
import { getJurisdictionPolicy } from '@/lib/settings/get-jurisdiction-policy';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import type { TDeadlinePolicy } from '@/lib/validation/deadline-policy';
import { getAccessInformation } from '@/lib/settings/get-access-information';
import { listMissingAccessInformationTranslations } from '@/lib/settings/localise-access-information';
import { MissingTranslations, translatableTextNames } from '../../missing-translations';
import { AccessInformationForm } from './access-information-form';
import { PolicyForm } from './policy-form';
import { VerificationLevelsForm } from './verification-levels-form';
import { isRequestTypeOffered } from '@/lib/deadlines/policy-for-request-type';
import { getVerificationLevelSettings } from '@/lib/settings/get-verification-level-settings';
import { requestTypeRules, requestTypes } from '@/lib/validation/request-type';
import { RECOMMENDED_REQUIREMENTS, requiredVerificationFor } from '@/lib/verification/verification-requirement';

export const metadata: Metadata = { title: 'Deadline policy' };

function PolicySummary({ policy }: { policy: TDeadlinePolicy }) {
  const words = describeDeadlinePolicy(policy);
  return (
    <dl className="summary">
      <dt>Deadline</dt>
      <dd>{words.deadline}</dd>
      <dt>Extension</dt>
      <dd>{words.extension}</dd>
      <dt>Acknowledgement</dt>
      <dd>{words.acknowledgement}</dd>
      <dt>Clock stop</dt>
      <dd>{words.clockStop}</dd>
      <dt>Rights</dt>
      <dd>{words.rights}</dd>
      <dt>Own deadlines</dt>
      <dd>{words.ownDeadlines}</dd>
      <dt>Appeal</dt>
      <dd>{words.appeal}</dd>
      {policy.appeal?.regulatorContact ? (
        <>
          <dt>Regulator named in a denied appeal</dt>
          <dd>{policy.appeal.regulatorContact}</dd>
        </>
      ) : null}
      <dt>Legal basis</dt>
      <dd>{policy.legalBasis || '—'}</dd>
    </dl>
  );
}

export default async function JurisdictionPolicyPage({ params }: { params: Promise<{ code: string }> }) {
  const actor = await requireStaffPage('settings.manage');
  const { code } = await params;
  const view = await getJurisdictionPolicy(getDb(), { actor, code });
  if (!view) notFound();
  const verificationSettings = await getVerificationLevelSettings(getDb());
  const identityTypes = requestTypes
    .filter((type) => isRequestTypeOffered(view.policy, type) && !requestTypeRules[type].isOptOut)
    .map((type) => ({
      type,
      current: requiredVerificationFor(verificationSettings, { jurisdiction: view.code, type }),
      recommended: RECOMMENDED_REQUIREMENTS[type] ?? null,
    }));
  const accessInformation = await getAccessInformation(getDb(), view.code);

  return (
    <>
      <p>
        <Link href="/staff/settings">Back to settings</Link>
      </p>
      <h1>Deadline policy: {view.policy.label}</h1>
      <p className="warning">Changes apply to requests accepted from now on. Each request keeps the policy it was accepted under.</p>
      <div className="two-columns">
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">Edit</h2>
          <PolicyForm code={view.code} policy={view.policy} />
        </section>
        <aside className="panel" aria-labelledby="default-heading">
          <h2 id="default-heading">The law’s default</h2>
          {view.lawDefault ? (
            <>
              <p>What dsr-desk was installed with for this region. Use it to check or undo a change.</p>
              <PolicySummary policy={view.lawDefault} />
            </>
          ) : (
            <p>This region was added by hand; there is no default to compare with.</p>
          )}
          <h2>In force now</h2>
          <PolicySummary policy={view.policy} />
        </aside>
      </div>
      <section className="panel" aria-labelledby="identity-levels-heading">
        <h2 id="identity-levels-heading">Identity levels</h2>
        <p>
          How sure you must be of who the requester is before answering, per request type. Access and deletion requests below their level
          cannot be fulfilled without an admin’s override. Opt-outs only ever need the email link. Data points are asked for on the
          requester’s status page and matched against data sources whose map names verification columns.
        </p>
        <VerificationLevelsForm code={view.code} settings={verificationSettings} types={identityTypes} />
      </section>
      <section aria-labelledby="access-information-heading">
        <h2 id="access-information-heading">What an access package tells the requester</h2>
        <p>
          Besides their data, an answer to an access request must say why you hold it, who receives it, how long you keep it, where it came
          from, the person’s rights and where they can complain (GDPR Art. 15(1)(a)–(h)). Write it once here, in each language your
          requesters read: every package for a request under “{view.policy.label}” prints it on its first page in the request’s language, in
          English where a field has no translation. Anything left empty points the requester at your contact address.
        </p>
        <MissingTranslations
          items={listMissingAccessInformationTranslations(accessInformation).map(({ locale, field }) => ({
            locale,
            text: translatableTextNames[field],
          }))}
          id="missing-access-translations"
          whenNone="Every field written in English has a translation."
        />
        <AccessInformationForm code={view.code} information={accessInformation} />
      </section>
    </>
  );
}
