import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/lib/database';
import { listTeamMembers, type TeamMember } from '@/lib/staff/list-team-members';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { DeactivateForm } from './deactivate-form';
import { InviteForm } from './invite-form';
import { RoleForm } from './role-form';

export const metadata: Metadata = { title: 'Staff' };

const notices: Record<string, string> = {
  deactivated: 'The staff member was deactivated. Their sessions have ended and they can no longer sign in.',
};

function formatDateTime(date: Date): string {
  return `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}

function displayName(member: TeamMember): string {
  return member.name || member.email;
}

export default async function TeamPage({ searchParams }: { searchParams: Promise<{ deactivate?: string; notice?: string }> }) {
  const actor = await requireStaffPage('staff.manage');
  const { deactivate, notice } = await searchParams;
  const members = await listTeamMembers(getDb(), { actor });
  const toDeactivate = deactivate ? members.find((member) => member.id === deactivate && member.isActive) : undefined;

  return (
    <>
      <h1>Staff</h1>
      <div aria-live="polite">{notice && notices[notice] ? <p className="notice notice--ok">{notices[notice]}</p> : null}</div>

      {toDeactivate ? (
        <section className="panel panel--danger" aria-labelledby="confirm-heading">
          <h2 id="confirm-heading">Deactivate {displayName(toDeactivate)}?</h2>
          <p>
            {toDeactivate.email} will be signed out at once and will not be able to sign in again. Requests assigned to them stay assigned
            until someone reassigns them. The change is recorded in the audit trail; inviting the address again reactivates it.
          </p>
          <div className="button-row">
            <DeactivateForm staffId={toDeactivate.id} email={toDeactivate.email} />
            <Link href="/staff/team">Cancel</Link>
          </div>
        </section>
      ) : null}

      {members.length === 0 ? (
        <p className="empty-state">No staff members yet.</p>
      ) : (
        <table className="data">
          <caption className="table-caption">Everyone with access to the privacy desk, active members first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id}>
                <th scope="row">
                  {member.name || '—'}
                  {member.id === actor.staffId ? <span className="muted"> (you)</span> : null}
                </th>
                <td>{member.email}</td>
                <td>{member.isActive ? <RoleForm staffId={member.id} email={member.email} role={member.role} /> : member.role}</td>
                <td>
                  {member.isActive ? 'Active' : `Deactivated${member.deactivatedAt ? ` ${formatDateTime(member.deactivatedAt)}` : ''}`}
                </td>
                <td>{member.lastSignInAt ? formatDateTime(new Date(member.lastSignInAt)) : 'Not known'}</td>
                <td>
                  {member.isActive ? (
                    <Link href={`/staff/team?deactivate=${member.id}#confirm-heading`} className="danger-link">
                      Deactivate…<span className="visually-hidden"> {member.email}</span>
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section className="panel panel--spaced" aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite a staff member</h2>
        <p>They get an email with a link to the sign-in page. Inviting a deactivated address reactivates it with the role you choose.</p>
        <InviteForm />
      </section>
    </>
  );
}
