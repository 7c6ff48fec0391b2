import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getDb } from '@/lib/database';
import { listJurisdictionOptions } from '@/lib/requests/list-jurisdiction-options';
import { hasGpcSignal } from '@/lib/security/global-privacy-control';
import { RequestForm } from './request-form';

export const metadata: Metadata = { title: 'Make a request' };

export default async function RequestPage() {
  const [jurisdictions, requestHeaders] = await Promise.all([listJurisdictionOptions(getDb()), headers()]);
  return (
    <>
      <h1>Make a privacy request</h1>
      <p className="lead">Tell us what you would like and how to reach you. We will email you a link to confirm the request is yours.</p>
      <RequestForm jurisdictions={jurisdictions} hasGpcSignal={hasGpcSignal(requestHeaders)} />
    </>
  );
}
