'use client';

import { useActionState } from 'react';
import { Checkbox } from '@/components/checkbox-group';
import { InputField } from '@/components/form-field';
import { logoTypes } from '@/lib/validation/branding';
import { initialActionState } from '../action-state';
import { ActionNotice, ActionProblems } from '../form-feedback';
import { updateBrandingAction } from './actions';

const labels = { logo: 'Logo', accentColour: 'Accent colour', removeLogo: 'Remove the logo' };

/** Logo and accent colour of the public pages and emails; the sender name is in the organisation form above. */
export function BrandingForm({ accentColour, logoPath }: { accentColour: string | null; logoPath: string | null }) {
  const [state, formAction, isPending] = useActionState(updateBrandingAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <>
      <ActionNotice state={state} />
      <form action={formAction} noValidate key={JSON.stringify(state)}>
        <ActionProblems state={state} labels={labels} />
        {logoPath ? (
          <p>
            {/* biome-ignore lint/performance/noImgElement: the uploaded logo as requesters see it */}
            Current logo: <img src={logoPath} alt="The current logo" height={32} />
          </p>
        ) : null}
        <InputField
          id="logo"
          label={`${labels.logo} (optional)`}
          hint="PNG, JPEG, GIF or WebP, 200 KB at most. Shown at the top of public pages and emails."
          errors={errors.logo}
          type="file"
          accept={logoTypes.join(',')}
        />
        {logoPath ? <Checkbox id="removeLogo" label={labels.removeLogo} /> : null}
        <InputField
          id="accentColour"
          label={`${labels.accentColour} (optional)`}
          hint="As #rrggbb. Buttons and links use it; it must be dark enough for white text (contrast 4.5:1)."
          errors={errors.accentColour}
          type="text"
          maxLength={7}
          defaultValue={state.values?.accentColour ?? accentColour ?? ''}
          className="input--short"
        />
        <button type="submit" disabled={isPending}>
          {isPending ? 'Saving…' : 'Save branding'}
        </button>
      </form>
    </>
  );
}
