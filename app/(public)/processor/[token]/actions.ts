'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database';
import { type ActionState, runAction } from '@/lib/http/run-action';
import { answerProcessorNotice } from '@/lib/processors/answer-processor-notice';
import { ZAnswerProcessorNotice } from '@/lib/validation/processor-answer';

/** A processor confirms the erasure, or says it holds nothing; the page then thanks it. */
export async function answerProcessorNoticeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZAnswerProcessorNotice, formData, async ({ token, answer, note }) => {
    await answerProcessorNotice(getDb(), { token, answer, note });
    redirect(`/processor/${token}?answered=1`);
  });
}
