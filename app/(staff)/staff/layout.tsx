import type { ReactNode } from 'react';
import { getCurrentStaff } from '@/lib/staff/get-current-staff';
import { can } from '@/lib/staff/permissions';
import { SignOutButton } from './sign-out-button';
import { StaffNavLink } from './staff-nav-link';
import { StaffNavToggle } from './staff-nav-toggle';

/** Staff chrome. Showing or hiding a link here is convenience only: every page and action checks the role itself. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentStaff();
  return (
    <div className="staff">
      {actor ? (
        <nav className="staff-nav" aria-label="Staff">
          <StaffNavToggle controls="staff-nav-links" />
          <ul id="staff-nav-links">
            <li>
              <StaffNavLink href="/staff">Queue</StaffNavLink>
            </li>
            {can(actor.role, 'requests.file_on_behalf') ? (
              <li>
                <StaffNavLink href="/staff/requests/new">File a request</StaffNavLink>
              </li>
            ) : null}
            {can(actor.role, 'reports.read') ? (
              <li>
                <StaffNavLink href="/staff/reports">Reports</StaffNavLink>
              </li>
            ) : null}
            {can(actor.role, 'incidents.read') ? (
              <li>
                <StaffNavLink href="/staff/incidents">Incidents</StaffNavLink>
              </li>
            ) : null}
            {can(actor.role, 'staff.manage') ? (
              <li>
                <StaffNavLink href="/staff/team">Staff</StaffNavLink>
              </li>
            ) : null}
            {can(actor.role, 'settings.manage') ? (
              <li>
                <StaffNavLink href="/staff/settings">Settings</StaffNavLink>
              </li>
            ) : null}
            {can(actor.role, 'audit.read') ? (
              <li>
                <StaffNavLink href="/staff/audit">Audit</StaffNavLink>
              </li>
            ) : null}
          </ul>
          <p className="staff-nav__who">
            {actor.name} <span className="role-pill">{actor.role}</span> <SignOutButton />
          </p>
        </nav>
      ) : null}
      {children}
    </div>
  );
}
