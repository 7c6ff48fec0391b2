import { redirect } from 'next/navigation';
import type { ActionState } from '../../action-state';
import type { DoneNotice } from './done-notices';

/**
 * On success the request page reloads with a fixed notice, so every form shows
 * the new version and status; on failure the form keeps what was typed.
 */
export function afterSuccess(state: ActionState, formData: FormData, done: DoneNotice): ActionState {
  if (state.formError || state.fieldErrors) return state;
  redirect(`/staff/requests/${encodeURIComponent(String(formData.get('reference')))}?done=${done}`);
}
