/**
 * What a processor is told to do (GDPR Art. 19: every recipient is told of a rectification or an
 * erasure), named after the run that tells it. One rule for the notice, its email, its page, the
 * answers it accepts, the reminders and the recipients listed: a new topic is added here only.
 */
export const processorTopics = ['erasure', 'correction'] as const;

export type ProcessorTopic = (typeof processorTopics)[number];

/** The runs that tell processors, and what they tell them. A dry run only counts them (nobody is emailed). */
const topicOfRunKind: Partial<Record<string, ProcessorTopic>> = { erase: 'erasure', correct: 'correction' };

/** The topic a run of this kind tells processors, or null when it tells them nothing. */
export function processorTopicOf(runKind: string): ProcessorTopic | null {
  return topicOfRunKind[runKind] ?? null;
}

/** The runs a processor source takes part in: those that tell it, and the erasure's dry run (counted as nothing). */
export function isProcessorRunKind(runKind: string): boolean {
  return runKind === 'dry_run' || processorTopicOf(runKind) !== null;
}

/** The answers a processor may give at its link: it did what it was asked, or it holds nothing about the person. */
export const processorAnswersByTopic = {
  erasure: ['erased', 'held_nothing'],
  correction: ['corrected', 'held_nothing'],
} as const satisfies Record<ProcessorTopic, readonly string[]>;

/** The template that tells a processor of each topic (a reminder is the same email with `isReminder`). */
export const processorNoticeTemplates = {
  erasure: 'processor-erasure-request',
  correction: 'processor-correction-request',
} as const satisfies Record<ProcessorTopic, string>;
