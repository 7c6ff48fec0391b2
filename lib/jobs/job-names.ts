/** Every background job and its payload. Tasks are wired in task-list.ts. */
export type JobPayloads = {
  'deliver-email': { outboundEmailId: string };
  'purge-expired-requests': Record<string, never>;
  'prune-intake-attempts': Record<string, never>;
  'send-deadline-reminders': Record<string, never>;
  'delete-expired-attachments': Record<string, never>;
};

export type JobName = keyof JobPayloads;
