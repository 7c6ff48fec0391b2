'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/lib/database';
import { updateBranding } from '@/lib/settings/update-branding';
import { ZBrandingForm } from '@/lib/validation/branding';
import { updateAccessInformation } from '@/lib/settings/update-access-information';
import { updateJurisdictionPolicy } from '@/lib/settings/update-jurisdiction-policy';
import { updateOrganisationSettings } from '@/lib/settings/update-organisation-settings';
import { updateOrganisationTexts } from '@/lib/settings/update-organisation-texts';
import { ZOrganisationTexts } from '@/lib/validation/organisation-texts';
import { requireStaff } from '@/lib/staff/get-current-staff';
import { ZAccessInformationForm } from '@/lib/validation/access-information';
import { ZJurisdictionPolicyForm } from '@/lib/validation/jurisdiction-policy-form';
import { ZOrganisationSettings } from '@/lib/validation/organisation-settings';
import { type ActionState, runAction } from '../action-state';

export async function updateOrganisationSettingsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZOrganisationSettings, formData, async (input) => {
    const actor = await requireStaff();
    await updateOrganisationSettings(getDb(), { actor, input });
    // The name is in the root layout: every page shows it.
    revalidatePath('/', 'layout');
    return 'Settings saved. Pages show the new name now; emails use it and the sender from the next one sent.';
  });
}

export async function updateOrganisationTextsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZOrganisationTexts, formData, async (input) => {
    const actor = await requireStaff();
    await updateOrganisationTexts(getDb(), { actor, input });
    revalidatePath('/', 'layout');
    return 'Texts saved. Pages show them now; emails from the next one sent.';
  });
}

export async function updateJurisdictionPolicyAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZJurisdictionPolicyForm, formData, async ({ code, policy }) => {
    const actor = await requireStaff();
    await updateJurisdictionPolicy(getDb(), { actor, code, policy });
    revalidatePath('/staff/settings');
    return `Saved. Requests accepted from now on under “${policy.label}” get the new deadline; open requests keep theirs.`;
  });
}

export async function updateAccessInformationAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZAccessInformationForm, formData, async ({ code, ...information }) => {
    const actor = await requireStaff();
    await updateAccessInformation(getDb(), { actor, code, information });
    revalidatePath(`/staff/settings/jurisdictions/${code}`);
    return 'Saved. Access packages built from now on, and status pages after a refusal, use it.';
  });
}

export async function updateBrandingAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZBrandingForm, formData, async (input) => {
    const actor = await requireStaff();
    const logo = formData.get('logo');
    await updateBranding(getDb(), { actor, input, logo: logo instanceof File ? logo : null });
    revalidatePath('/', 'layout');
    return 'Branding saved. Public pages show it now; emails from the next one sent.';
  });
}
