'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/form-field';
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
        <FormField
          id="logo"
          label={`${labels.logo} (optional)`}
          hint="PNG, JPEG, GIF or WebP, 200 KB at most. Shown at the top of public pages and emails."
          errors={errors.logo}
        >
          {(describedBy, isInvalid) => (
            <input type="file" id="logo" name="logo" accept={logoTypes.join(',')} aria-describedby={describedBy} aria-invalid={isInvalid} />
          )}
        </FormField>
        {logoPath ? (
          <div className="choice">
            <input type="checkbox" id="removeLogo" name="removeLogo" />
            <label htmlFor="removeLogo">{labels.removeLogo}</label>
          </div>
        ) : null}
        <FormField
          id="accentColour"
          label={`${labels.accentColour} (optional)`}
          hint="As #rrggbb. Buttons and links use it; it must be dark enough for white text (contrast 4.5:1)."
          errors={errors.accentColour}
        >
          {(describedBy, isInvalid) => (
            <input
              type="text"
              id="accentColour"
              name="accentColour"
              maxLength={7}
              defaultValue={state.values?.accentColour ?? accentColour ?? ''}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
              className="input--short"
            />
          )}
        </FormField>
        <button type="submit" disabled={isPending}>
          {isPending ? 'Saving…' : 'Save branding'}
        </button>
      </form>
    </>
  );
}
