import type { DataSourceKind } from '@/lib/validation/data-source-form';

export const sourceKindLabels: Record<DataSourceKind, string> = {
  postgres: 'PostgreSQL database',
  mysql: 'MySQL or MariaDB database',
  webhook: 'Webhook (HTTP)',
  manual: 'Manual checklist',
  processor: 'Processor (vendor told by email)',
};

export const sourceKindDescriptions: Record<DataSourceKind, string> = {
  postgres: 'dsr-desk connects, reads the person’s rows through a map of tables and columns, and erases them.',
  mysql: 'The same as PostgreSQL, for a MySQL or MariaDB database: one map of tables and columns, checked against the database when saved.',
  webhook: 'dsr-desk sends the system a signed job; it answers with the data or confirms the erasure, at once or later.',
  manual: 'A checklist item: an agent does it by hand (paper files, a vendor portal, backups) and confirms it with a note.',
  processor:
    'A vendor that processes the data for you (GDPR Art. 19): emailed a link for each erasure, where it confirms or says it holds nothing; reminded, then failed for staff to chase.',
};
