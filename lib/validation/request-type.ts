import { z } from 'zod';

export const requestTypes = ['access', 'export', 'deletion'] as const;
export type RequestType = (typeof requestTypes)[number];

export const requestTypeLabels: Record<RequestType, { title: string; description: string }> = {
  access: { title: 'Access', description: 'a copy of my personal data' },
  export: { title: 'Export', description: 'my data in a portable, machine-readable file' },
  deletion: { title: 'Deletion', description: 'erase my personal data' },
};

export const ZRequestType = z.enum(requestTypes, { error: 'Choose what you would like us to do' });
