import type { Metadata } from 'next';
import { getDb } from '@/lib/database';
import { toCalendarDate } from '@/lib/deadlines/calendar-date';
import { env } from '@/lib/env';
import { listJurisdictionOptions } from '@/lib/requests/list-jurisdiction-options';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { FileOnBehalfForm } from './file-form';

export const metadata: Metadata = { title: 'File a request on someone’s behalf' };

export default async function FileOnBehalfPage() {
  await requireStaffPage('requests.file_on_behalf');
  const jurisdictions = await listJurisdictionOptions(getDb());
  // "Today" in the organisation's time zone, as the use case checks it.
  const today = toCalendarDate(new Date(), env().TIME_ZONE);
  return (
    <>
      <h1>File a request on someone’s behalf</h1>
      <p className="lead">
        For a request received by phone, letter, email or in person. It is accepted at once, without the email confirmation, so record how
        you checked the person’s identity. They get an acknowledgement email with a private status link.
      </p>
      <FileOnBehalfForm jurisdictions={jurisdictions} today={today} />
    </>
  );
}
