/** How an audit action reads on the requester's status page. Unlisted actions are never shown there. */
export const timelineLabels: Record<string, string> = {
  submitted: 'Request received',
  verified: 'Email address confirmed — we have started the clock',
  cancelled: 'You cancelled this request',
};
