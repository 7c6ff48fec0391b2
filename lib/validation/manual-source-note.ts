import { z } from 'zod';
import { text } from './text';

/**
 * The agent's note when confirming a manual source (what they checked or did in a
 * system with no API). Required: it is the only record of what was done there.
 */
export const ZManualSourceNote = text({ error: 'Enter a note saying what you checked or did' })
  .trim()
  .min(1, 'Enter a note saying what you checked or did')
  .max(2000, 'Keep a note saying what you checked or did under 2,000 characters');

export type TManualSourceNote = z.infer<typeof ZManualSourceNote>;
