'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

const REFRESH_MS = 2000;
/** A run that settled this recently when the page first shows it may have been read across the commit that settled it. */
const JUST_SETTLED_MS = 10_000;

/**
 * The run's one-line status, announced politely as it changes. While the run is
 * working the page re-renders itself from the server every two seconds (no
 * polling API: the server component reads the same read model it always does).
 * When the run stops working the page re-renders once more: its reads are not one
 * snapshot, so the render that first saw the run settled may have read the request
 * (or the erasure check's view of the dry run) just before the same commit, and would
 * otherwise show it open for good. The same holds for a page first shown with a run
 * that settled seconds ago (the render that answered the action that started a quick run).
 */
export function RunProgress({ summary, isRunning, finishedAtMs }: { summary: string; isRunning: boolean; finishedAtMs: number | null }) {
  const router = useRouter();
  /** Null until the first effect: then whether the run was working at the last render. */
  const wasRunning = useRef<boolean | null>(null);
  useEffect(() => {
    const hasJustSettled =
      wasRunning.current === null ? finishedAtMs !== null && Date.now() - finishedAtMs < JUST_SETTLED_MS : wasRunning.current;
    if (!isRunning && hasJustSettled) router.refresh();
    wasRunning.current = isRunning;
    if (!isRunning) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [isRunning, finishedAtMs, router]);
  return (
    // A polite live region rather than role="status": the page's action notice already is the one status.
    <p aria-live="polite" aria-atomic="true" className="run-progress">
      {summary}
    </p>
  );
}
