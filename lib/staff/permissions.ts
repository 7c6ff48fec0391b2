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
  // An appeal is decided by someone other than the refuser (separation of duties); only an admin may
  // decide their own refusal's appeal, and must say why (recorded in the audit trail).
  'appeals.override_separation': ['admin'],
  // Fulfilling access or deletion below the identity level the regime asks for (lib/verification): admins only, with a reason.
  'verification.override': ['admin'],
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

/**
 * What an API key may be given. A key acts for another system, not a person, so it gets
 * scopes rather than a role; each scope stands for the staff permissions below and nothing
 * more (a key never manages staff, settings or sources).
 */
export const apiScopes = ['requests:create', 'requests:read', 'requests:work', 'audit:read'] as const;
export type ApiScope = (typeof apiScopes)[number];

export const scopePermissions = {
  'requests:create': ['requests.file_on_behalf'],
  'requests:read': ['requests.read'],
  'requests:work': ['requests.work'],
  'audit:read': ['audit.read'],
} as const satisfies Record<ApiScope, readonly Permission[]>;

export function scopesAllow(scopes: readonly ApiScope[], permission: Permission): boolean {
  return scopes.some((scope) => (scopePermissions[scope] as readonly Permission[]).includes(permission));
}

export const apiScopeLabels: Record<ApiScope, string> = {
  'requests:create': 'requests:create — file requests',
  'requests:read': 'requests:read — read requests, their status and events',
  'requests:work': 'requests:work — add notes and work requests (start, ask, extend, fulfil, reject)',
  'audit:read': 'audit:read — read every event on a request, internal ones included',
};

/** The roles that hold a permission, for queries that select staff by what they may do. */
export function rolesWith(permission: Permission): readonly StaffRole[] {
  return permissions[permission];
}

export const roleLabels: Record<StaffRole, string> = {
  admin: 'Admin — everything, plus staff and settings',
  agent: 'Agent — works requests',
  auditor: 'Auditor — reads everything, changes nothing',
};
