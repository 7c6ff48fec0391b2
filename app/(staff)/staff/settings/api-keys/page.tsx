import type { Metadata } from 'next';
import Link from 'next/link';
import { DateTimeText } from '@/components/date-time-text';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { getDb } from '@/lib/database';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { CreateApiKeyForm } from './create-api-key-form';
import { RevokeApiKeyForm } from './revoke-api-key-form';

export const metadata: Metadata = { title: 'API keys' };

const stateLabels = { active: 'Active', expired: 'Expired', revoked: 'Revoked' } as const;

export default async function ApiKeysPage() {
  const actor = await requireStaffPage('settings.manage');
  const keys = await listApiKeys(getDb(), { actor });

  return (
    <>
      <p>
        <Link href="/staff/settings">Back to settings</Link>
      </p>
      <h1>API keys</h1>
      <p>
        Other systems call the <Link href="/api/v1/docs">REST API</Link> with a key sent as <code>Authorization: Bearer …</code>. A key can
        do only what its scopes allow; every call is on the audit trail under its name.
      </p>
      {keys.length === 0 ? (
        <p className="empty-state">No API keys yet.</p>
      ) : (
        <table className="data">
          <caption className="table-caption">Every API key, what it may do and when it was last used</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key starts</th>
              <th scope="col">Scopes</th>
              <th scope="col">State</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <th scope="row">{key.name}</th>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>{key.scopes.join(', ')}</td>
                <td>{stateLabels[key.state]}</td>
                <td>{key.expiresAt ? <DateTimeText date={key.expiresAt} /> : 'Never'}</td>
                <td>{key.lastUsedAt ? <DateTimeText date={key.lastUsedAt} /> : 'Never'}</td>
                <td>
                  <RevokeApiKeyForm id={key.id} name={key.name} isRevoked={key.state === 'revoked'} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="panel" aria-labelledby="new-key-heading">
        <h2 id="new-key-heading">Make an API key</h2>
        <CreateApiKeyForm />
      </section>
    </>
  );
}
