import { z } from 'zod';

export const requestTypes = [
  'access',
  'export',
  'deletion',
  'correction',
  'opt_out_sale',
  'opt_out_targeted_ads',
  'limit_sensitive',
  'marketing_unsubscribe',
  'restriction',
  'objection',
] as const;
export type RequestType = (typeof requestTypes)[number];

export const requestTypeLabels: Record<RequestType, { title: string; description: string }> = {
  access: { title: 'Access', description: 'a copy of my personal data' },
  export: { title: 'Export', description: 'my data in a portable, machine-readable file' },
  deletion: { title: 'Deletion', description: 'erase my personal data' },
  correction: { title: 'Correction', description: 'correct personal data that is wrong' },
  opt_out_sale: { title: 'Opt out of sale or sharing', description: 'do not sell or share my personal information' },
  opt_out_targeted_ads: { title: 'Opt out of targeted advertising', description: 'do not use my data to target ads at me' },
  limit_sensitive: {
    title: 'Limit sensitive information',
    description: 'use my sensitive personal information only as needed to serve me',
  },
  marketing_unsubscribe: { title: 'Unsubscribe from marketing', description: 'stop sending me marketing' },
  restriction: { title: 'Restriction', description: 'stop using my data for now, but keep it' },
  objection: { title: 'Objection', description: 'stop processing my data for a purpose I object to (including direct marketing)' },
};

/**
 * How each type is answered. `answer`: `data` (a package or files: access, export), `erasure` (deletion),
 * `action` (the organisation changes something and says so: a correction, an opt-out, a restriction).
 * The rest of the product asks this table, never a list of type names.
 */
export const requestTypeRules: Record<RequestType, { answer: 'data' | 'erasure' | 'action'; isOptOut: boolean }> = {
  access: { answer: 'data', isOptOut: false },
  export: { answer: 'data', isOptOut: false },
  deletion: { answer: 'erasure', isOptOut: false },
  correction: { answer: 'action', isOptOut: false },
  opt_out_sale: { answer: 'action', isOptOut: true },
  opt_out_targeted_ads: { answer: 'action', isOptOut: true },
  limit_sensitive: { answer: 'action', isOptOut: true },
  marketing_unsubscribe: { answer: 'action', isOptOut: true },
  restriction: { answer: 'action', isOptOut: false },
  objection: { answer: 'action', isOptOut: false },
};

export const ZRequestType = z.enum(requestTypes, { error: 'Choose what you would like us to do' });
