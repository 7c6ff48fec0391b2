/**
 * The confirmations the request page shows after an action, keyed by the `done`
 * query parameter. Fixed texts only, so a crafted link cannot put words on the page.
 */
export const doneNotices = {
  started: 'Work started. The request is in progress.',
  information_requested: 'Your question was emailed to the requester. The request waits for their reply.',
  extended: 'Deadline extended. The requester is being emailed the new due date and the reason.',
  fulfilled: 'Request fulfilled. The requester is being emailed your message and a link to the files.',
  rejected: 'Request rejected. The requester is being emailed the reason.',
  assigned: 'Assignment updated.',
  note_added: 'Note added.',
  retried: 'Failed emails were scheduled to be sent again.',
  gathering_started: 'Gathering started. Each source’s progress is shown under “Data from your systems”.',
  package_released: 'Package released. The requester is being emailed your message and a link to download their data.',
  copy_released: 'Copy released. The requester is being emailed a link to download it; the request stays open for the erasure.',
  copy_offered: 'Copy before erasure added. Gather the data and release the copy; erasure waits for it.',
  dry_run_started: 'Dry run started. Nothing is changed in your systems; the counts appear below.',
  erasure_started: 'Erasure started. Each source’s outcome is shown under “Data from your systems”.',
  sources_retried: 'The failed sources are being tried again.',
  source_confirmed: 'Checklist item confirmed.',
  correction_applied: 'Correction applied in the source and recorded. Fulfil the request when every system is corrected.',
  correction_jobs_started: 'Correction sent. Each webhook source’s answer and each checklist item is shown below.',
  opt_out_started: 'Opt-out started. When every source is done the request closes and the requester is emailed.',
  restrict_started: 'Restriction started. When every source is done the request closes and the requester is emailed.',
  object_started: 'Objection applied to every source. When every source is done the request closes and the requester is emailed.',
  erasure_replayed: 'Erasure replayed after the restore. Each database’s outcome is shown under “Data from your systems”.',
  claimed: 'You claimed this request: it is assigned to you.',
  appeal_decided: 'Appeal decided. The requester is being emailed the result; a granted appeal has reopened the refused request.',
  identity_checked: 'Your identity check is recorded. The request may now be answered.',
  identity_overridden: 'Override recorded with your reason. The request may now be answered.',
  evidence_requested: 'The requester can now upload a document on their status page.',
} as const;

export type DoneNotice = keyof typeof doneNotices;

export function doneNotice(value: string | undefined, reference: string): string | null {
  if (value === 'claimed') return `You claimed ${reference}. It is assigned to you.`;
  return value && Object.hasOwn(doneNotices, value) ? doneNotices[value as DoneNotice] : null;
}
