'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const REFRESH_MS = 2000;

/**
 * The run's one-line status, announced politely as it changes. While the run is
 * working the page re-renders itself from the server every two seconds (no
 * polling API: the server component reads the same read model it always does).
 * The page reads one snapshot (db/read-one-snapshot.ts), so the render that first
 * shows the run settled shows everything else as of the same moment: nothing
 * needs another render once it stops.
 */
export function RunProgress({ summary, isRunning }: { summary: string; isRunning: boolean }) {
  const router = useRouter();
  useEffect(() => {
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
