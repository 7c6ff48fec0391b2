'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database';
import { openIncident } from '@/lib/incidents/open-incident';
import { recordRegulatorDecision } from '@/lib/incidents/record-regulator-decision';
import { updateIncident } from '@/lib/incidents/update-incident';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { ZIncidentForm, ZRegulatorDecision, ZUpdateIncident } from '@/lib/validation/incident';
import { type ActionState, runAction } from '../action-state';

/** Checkbox groups send one entry per box; the schemas take them joined, so a failed form re-fills as one value. */
function joinLists(formData: FormData): FormData {
  const joined = new FormData();
  for (const [key, value] of formData.entries()) if (!['regimes', 'sourceIds', 'dataCategories'].includes(key)) joined.append(key, value);
  for (const key of ['regimes', 'sourceIds', 'dataCategories'])
    joined.set(
      key,
      formData
        .getAll(key)
        .filter((value) => typeof value === 'string')
        .join(','),
    );
  return joined;
}

export async function openIncidentAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let reference: string | undefined;
  const state = await runAction(ZIncidentForm, joinLists(formData), async (input) => {
    reference = await openIncident(getDb(), { actor: await requireStaff(), input });
  });
  if (reference) redirect(`/staff/incidents/${reference}`);
  return state;
}

export async function updateIncidentAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZUpdateIncident, joinLists(formData), async (input) => {
    await updateIncident(getDb(), { actor: await requireStaff(), input });
    revalidatePath(`/staff/incidents/${input.reference}`);
    return 'Incident saved.';
  });
}

export async function recordRegulatorDecisionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZRegulatorDecision, formData, async (input) => {
    await recordRegulatorDecision(getDb(), { actor: await requireStaff(), input });
    revalidatePath(`/staff/incidents/${input.reference}`);
    return input.decision === 'notified'
      ? 'Regulator notification recorded. The clock has stopped.'
      : 'Recorded that notification is not required. The clock has stopped.';
  });
}
