import type { Metadata } from 'next';
import { getDb } from '@/lib/database';
import { listDataSources } from '@/lib/data-sources/list-data-sources';
import { env } from '@/lib/env';
import { toWallClockTime } from '@/lib/incidents/zoned-date-time';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { openIncidentAction } from '../actions';
import { IncidentForm } from '../incident-form';

export const metadata: Metadata = { title: 'Record a breach' };

export default async function NewIncidentPage() {
  const actor = await requireStaffPage('incidents.manage');
  const sources = await listDataSources(getDb(), { actor });
  const { TIME_ZONE } = env();
  return (
    <>
      <h1>Record a personal data breach</h1>
      <p className="lead">
        Record it as soon as you know: the regulator clocks count from when you became aware, not from when it is written down. You can add
        detail later.
      </p>
      <IncidentForm
        action={openIncidentAction}
        sources={sources.map((source) => ({ id: source.id, name: source.name }))}
        current={{ discoveredAt: toWallClockTime(new Date(), TIME_ZONE), regimes: 'eu_gdpr,uk_gdpr' }}
        timeZone={TIME_ZONE}
        submitLabel="Record the breach"
      />
    </>
  );
}
