'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database';
import { affectedFilterFromForm } from '@/lib/incidents/affected-filter-from-form';
import { dryRunAffectedLookup } from '@/lib/incidents/dry-run-affected-lookup';
import { openIncident } from '@/lib/incidents/open-incident';
import { saveIncidentNotice } from '@/lib/incidents/save-incident-notice';
import { sendIncidentNotice } from '@/lib/incidents/send-incident-notice';
import { retryAffectedLookup } from '@/lib/incidents/retry-affected-lookup';
import { startAffectedLookup } from '@/lib/incidents/start-affected-lookup';
import { recordRegulatorDecision } from '@/lib/incidents/record-regulator-decision';
import { updateIncident } from '@/lib/incidents/update-incident';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { ZIncidentForm, ZRegulatorDecision, ZUpdateIncident } from '@/lib/validation/incident';
import { ZAffectedLookupForm, ZRetryAffectedLookup } from '@/lib/validation/incident-affected';
import { ZIncidentNoticeForm, ZSendIncidentNotice } from '@/lib/validation/incident-notice';
import { type ActionState, formValues, runAction } from '../action-state';

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
  return runAction(
    ZRegulatorDecision,
    formData,
    async (input) => {
      await recordRegulatorDecision(getDb(), { actor: await requireStaff(), input });
      revalidatePath(`/staff/incidents/${input.reference}`);
      return input.decision === 'notified'
        ? 'Regulator notification recorded. The clock has stopped.'
        : 'Recorded that notification is not required. The clock has stopped.';
    },
    { fileFields: ['document'] },
  );
}

/** The uploaded CSV's text goes in the form's listCsv field (runAction reads text fields only). */
async function withUploadedList(formData: FormData): Promise<FormData> {
  const file = formData.get('listFile');
  const copy = new FormData();
  for (const [key, value] of formData.entries()) if (key !== 'listFile' && typeof value === 'string') copy.append(key, value);
  if (file instanceof File && file.size > 0) copy.set('listCsv', await file.text());
  return copy;
}

export async function affectedLookupAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZAffectedLookupForm, await withUploadedList(formData), async (input) => {
    const actor = await requireStaff();
    const filter = affectedFilterFromForm(input);
    const target = { actor, reference: input.reference, sourceId: input.sourceId, filter };
    if (input.intent === 'dry_run') {
      const { people, sample } = await dryRunAffectedLookup(getDb(), target);
      const found =
        people === 0
          ? 'Dry run: the filter finds nobody.'
          : `Dry run: ${people.toLocaleString('en')} ${people === 1 ? 'person' : 'people'} found. First addresses: ${sample.join(', ')}.`;
      // The form keeps what was tried, so "Find them" runs the same filter; a browser cannot re-fill a file field.
      const kept = Object.fromEntries(Object.entries(formValues(formData)).filter(([key]) => key !== 'intent'));
      return { notice: input.listCsv ? `${found} Choose the list file again to find them.` : found, values: kept };
    }
    await startAffectedLookup(getDb(), target);
    revalidatePath(`/staff/incidents/${input.reference}`);
    return 'Search started: the people it finds are added to the list in the background. Reload to see progress.';
  });
}

export async function retryAffectedLookupAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZRetryAffectedLookup, formData, async (input) => {
    await retryAffectedLookup(getDb(), { actor: await requireStaff(), input });
    revalidatePath(`/staff/incidents/${input.reference}`);
    return 'Search started again with the same filter. Reload to see progress.';
  });
}

export async function saveIncidentNoticeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZIncidentNoticeForm, formData, async (input) => {
    await saveIncidentNotice(getDb(), { actor: await requireStaff(), input });
    revalidatePath(`/staff/incidents/${input.reference}`);
    return 'Notice saved. Check the preview below, then send it.';
  });
}

export async function sendIncidentNoticeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZSendIncidentNotice, formData, async (input) => {
    const people = await sendIncidentNotice(getDb(), { actor: await requireStaff(), ...input });
    revalidatePath(`/staff/incidents/${input.reference}`);
    return `Sending the notice to ${people.toLocaleString('en')} ${people === 1 ? 'person' : 'people'}.`;
  });
}
