import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { exportIncidentRegister } from '@/lib/incidents/export-incident-register';
import { requireStaff } from '@/lib/staff/get-current-staff';

/** The breach register as CSV (admins and auditors): 401 without a session, 403 for other roles. */
export async function GET() {
  const noStore = { 'Cache-Control': 'no-store' };
  try {
    const { fileName, csv } = await exportIncidentRegister(getDb(), { actor: await requireStaff() });
    return new Response(csv, {
      headers: { ...noStore, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}"` },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: error.httpStatus, headers: noStore });
    throw error;
  }
}
