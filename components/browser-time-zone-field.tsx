'use client';

import { useEffect, useState } from 'react';

/**
 * A hidden `timeZone` field holding the browser's IANA time zone, so the status page
 * and the package show times as the requester reads a clock. Set after hydration
 * (the server does not know it); without JavaScript the organisation's zone is used.
 */
export function BrowserTimeZoneField() {
  const [timeZone, setTimeZone] = useState('');
  useEffect(() => {
    setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? '');
  }, []);
  return <input type="hidden" name="timeZone" value={timeZone} />;
}
