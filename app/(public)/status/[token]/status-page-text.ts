/**
 * The status page's sentences that carry values, from messages/<language>.json (statusPage). Times are
 * formatted by the page in the requester's time zone and language before they are placed here.
 */
export function statusPageText(t: (key: string, values?: Record<string, string | number>) => string) {
  return {
    received: t('received'),
    answerDue: t('dueBy'),
    answerDueUnset: t('dueWhenConfirmed'),
    closed: t('closed'),
    timesShownIn: (timeZone: string) => t('timesShownIn', { timeZone }),
    extensionHeading: t('extensionHeading'),
    extensionLead: (originalDue: string, legalBasis: string) =>
      t('extensionLead', { originalDue, legalBasis, hasLegalBasis: legalBasis ? 'yes' : 'no' }),
    extensionReason: t('extensionReason'),
    clockStoppedHeading: t('clockStoppedHeading'),
    clockStopped: (since: string) => t('clockStopped', { since }),
    complaintHeading: t('complaintHeading'),
    complaintNamed: (authority: string) => t('complaintNamed', { authority }),
    complaintGeneral: t('complaintGeneral'),
    complaintLink: (authority: string) => t('complaintLink', { authority }),
    downloadsLeft: (count: number, until: string) => t('downloadsLeft', { count, until }),
    noLongerAvailable: t('noLongerAvailable'),
  };
}
