/**
 * The status page's English sentences that carry values, in one place so the page can
 * be translated by swapping this module for message files. Times are formatted by the
 * page in the requester's time zone before they are placed here.
 */
export const statusPageText = {
  received: 'Received',
  answerDue: 'Answer due by',
  answerDueUnset: 'Set when you confirm your email',
  closed: 'Closed',
  timesShownIn: (timeZone: string) => `Times on this page are in your time zone (${timeZone}).`,
  extensionHeading: 'We extended the deadline',
  extensionLead: (originalDue: string, legalBasis: string) =>
    `The answer was first due by ${originalDue}. We need more time, which the law allows${legalBasis ? ` (${legalBasis})` : ''}.`,
  extensionReason: 'Why we need more time:',
  clockStoppedHeading: 'The clock is stopped',
  clockStopped: (since: string) =>
    `Since ${since} we are waiting for your reply. The time you take is added to the deadline, so the answer-due date moves on while we wait.`,
  complaintHeading: 'Your right to complain',
  complaintNamed: (authority: string) =>
    `If you disagree with our decision you can complain to ${authority}, and you can seek a remedy through the courts.`,
  complaintGeneral:
    'If you disagree with our decision you can complain to the data protection authority where you live or work, and you can seek a remedy through the courts.',
  complaintLink: (authority: string) => `How to complain to ${authority}`,
  downloadsLeft: (count: number, until: string) => `${count} ${count === 1 ? 'download' : 'downloads'} left; available until ${until}`,
  noLongerAvailable: 'No longer available to download. Contact us if you need it again.',
} as const;
