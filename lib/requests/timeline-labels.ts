/** How an audit action reads on the requester's status page. Unlisted actions are never shown there. */
export const timelineLabels: Record<string, string> = {
  submitted: 'Request received',
  verified: 'Email address confirmed — we have started the clock',
  work_started: 'We started working on your request',
  information_requested: 'We asked you for more information',
  requester_replied: 'You replied to our question',
  work_resumed: 'We resumed work on your request',
  deadline_extended: 'We extended the deadline',
  fulfilled: 'Your request was fulfilled',
  rejected: 'Your request was declined',
  cancelled: 'You cancelled this request',
};

/** How every audit action reads on the staff request page (staff see all of them). */
export const staffTimelineLabels: Record<string, string> = {
  submitted: 'Request filed by the requester',
  filed_on_behalf: 'Filed on the requester’s behalf by staff',
  identity_checked_by_staff: 'Identity checked by staff',
  verification_link_resent: 'Confirmation link sent again',
  verified: 'Email address confirmed; clock started',
  acknowledgement_queued: 'Acknowledgement email queued',
  status_link_resent: 'Status link sent again',
  work_started: 'Work started',
  claimed: 'Claimed from the queue',
  assigned: 'Assignment changed',
  information_requested: 'More information requested from the requester',
  requester_replied: 'Requester replied',
  work_resumed: 'Work resumed without a reply on the status page',
  deadline_extended: 'Deadline extended',
  note_added: 'Internal note added',
  retry_requested: 'Email delivery retried',
  fulfilled: 'Fulfilled',
  rejected: 'Rejected',
  cancelled: 'Cancelled by the requester',
  expired_and_purged: 'Expired unconfirmed; personal data purged',
  attachment_downloaded: 'File downloaded',
  attachment_deleted: 'File deleted from storage after its link expired',
  sources_retried: 'Failed data sources retried',
  personal_data_minimised: 'Personal data removed after the retention period',
  data_gathering_started: 'Data gathering started',
  data_gathering_failed: 'Data gathering failed',
  data_package_built: 'Data package built',
  fulfilment_run_stopped: 'Gathering or dry run stopped: the request was closed',
  data_package_previewed: 'Data package previewed',
  data_package_released: 'Data package released to the requester',
  data_package_deleted: 'Unreleased data package deleted from storage',
  source_succeeded: 'Source finished',
  source_failed: 'Source failed',
  erasure_dry_run_started: 'Erasure dry run started',
  erasure_dry_run_failed: 'Erasure dry run failed',
  erasure_dry_run_finished: 'Erasure dry run finished',
  erasure_started: 'Erasure started',
  erasure_failed: 'Erasure failed',
  erasure_finished: 'Erasure finished',
};

/** An action no label was written for still shows, readable, rather than vanishing from the audit trail. */
export function staffTimelineLabel(action: string): string {
  return staffTimelineLabels[action] ?? action.replace(/_/g, ' ');
}
