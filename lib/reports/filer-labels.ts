import type { Filer } from './get-request-report';

/** How the agent/direct split reads on the reports page and in its CSV. */
export const filerLabels: Record<Filer, string> = {
  agent: 'through an authorised agent',
  direct: 'directly by the person',
};
