import { z } from 'zod';

/** Identity documents are at most this big (a phone photo of a passport or a signed letter). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** What a file input offers: the same types the server accepts. */
export const EVIDENCE_ACCEPT = EVIDENCE_CONTENT_TYPES.join(',');

/**
 * What an identity_evidence row holds: a document the requester sent when asked (a staff check), or an
 * authorised agent's signed permission from the person (CCPA regs, 11 CCR §7063(a)(1)).
 */
export const evidenceKinds = ['identity_document', 'agent_permission'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const EVIDENCE_FILE_MESSAGES = {
  missing: 'Choose a file to upload.',
  tooBig: 'The file is too big. Upload a file under 10 MB.',
  wrongType: 'Upload a PDF, JPEG or PNG file.',
} as const;

/** An uploaded identity document or signed permission: a PDF or image, not empty, under the limit. */
export const ZEvidenceFile = z
  .file({ error: EVIDENCE_FILE_MESSAGES.missing })
  .min(1, EVIDENCE_FILE_MESSAGES.missing)
  .max(EVIDENCE_MAX_BYTES, EVIDENCE_FILE_MESSAGES.tooBig)
  .mime([...EVIDENCE_CONTENT_TYPES], EVIDENCE_FILE_MESSAGES.wrongType);

export const AGENT_PERMISSION_REQUIRED = 'Upload the person’s signed permission for you to act for them';
export const AGENT_PERMISSION_OR_ATTORNEY_REQUIRED = 'Upload the person’s signed permission, or tick that you checked a power of attorney';

/**
 * An authorised agent shows the person's signed permission (11 CCR §7063(a)(1)); at the desk a power of
 * attorney staff checked takes its place (§7063(b)).
 */
export function requireAgentPermission(
  input: { agentName?: string; agentEmail?: string; agentHasPowerOfAttorney?: boolean; agentPermission?: File },
  context: z.RefinementCtx,
  message: string,
): void {
  const isAgent = Boolean(input.agentName || input.agentEmail);
  if (isAgent && !input.agentHasPowerOfAttorney && !input.agentPermission)
    context.addIssue({ code: 'custom', path: ['agentPermission'], message });
}
