/**
 * Who may do what. Checked on the server inside every use case, never only by
 * hiding buttons. Auditors read everything and change nothing.
 */
export const staffRoles = ['admin', 'agent', 'auditor'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const permissions = {
  'requests.read': ['admin', 'agent', 'auditor'],
  'requests.work': ['admin', 'agent'],
  'requests.file_on_behalf': ['admin', 'agent'],
  'staff.manage': ['admin'],
  'settings.manage': ['admin'],
  // Data sources hold connection strings and signing secrets, and decide what erasure deletes.
  'sources.manage': ['admin'],
  'audit.read': ['admin', 'auditor'],
  // On-time and CCPA §7102 figures: for those who answer for compliance, not the people being measured.
  'reports.read': ['admin', 'auditor'],
  // Personal data breaches: opened and worked by admins; auditors read them and the register (GDPR Art. 33(5)).
  'incidents.manage': ['admin'],
  'incidents.read': ['admin', 'auditor'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof permissions;

export function can(role: StaffRole, permission: Permission): boolean {
  return (permissions[permission] as readonly StaffRole[]).includes(role);
}

export const roleLabels: Record<StaffRole, string> = {
  admin: 'Admin — everything, plus staff and settings',
  agent: 'Agent — works requests',
  auditor: 'Auditor — reads everything, changes nothing',
};
