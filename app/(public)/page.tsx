import Link from 'next/link';
import { getPageOrganisationSettings } from '@/lib/settings/get-page-organisation-settings';

export default async function HomePage() {
  const { organisationName } = await getPageOrganisationSettings();
  return (
    <>
      <h1>Your personal data at {organisationName}</h1>
      <p className="lead">
        You have the right to get a copy of the personal data we hold about you, to take it elsewhere in a machine-readable file, and to
        have it erased. Make a request here and follow it until it is done; we answer within the deadline the law sets.
      </p>
      <p>
        <Link className="button" href="/request">
          Make a request
        </Link>
      </p>
    </>
  );
}
