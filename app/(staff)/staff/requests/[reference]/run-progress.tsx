'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

const REFRESH_MS = 2000;

/**
 * The run's one-line status, announced politely as it changes. While the run is
 * working the page re-renders itself from the server every two seconds (no
 * polling API: the server component reads the same read model it always does).
 * When the run stops working the page re-renders once more: its reads are not one
 * snapshot, so the render that first saw the run settled may have read the request
 * just before the same commit closed it, and would otherwise show it open for good.
 */
export function RunProgress({ summary, isRunning }: { summary: string; isRunning: boolean }) {
  const router = useRouter();
  const wasRunning = useRef(isRunning);
  useEffect(() => {
    if (wasRunning.current && !isRunning) router.refresh();
    wasRunning.current = isRunning;
    if (!isRunning) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [isRunning, router]);
  return (
    // A polite live region rather than role="status": the page's action notice already is the one status.
    <p aria-live="polite" aria-atomic="true" className="run-progress">
      {summary}
    </p>
  );
}
