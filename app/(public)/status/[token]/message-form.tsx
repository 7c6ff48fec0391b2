'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import { FormField } from '@/components/form-field';
import { useTranslatedFieldErrors, useValidationMessage } from '@/components/use-validation-message';
import { type ActionState, initialActionState } from '@/lib/http/run-action';

type MessageFormProps = {
  token: string;
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  /** Where its texts live: `label`, `hint` and `submit` under this key of the message files. */
  messages: 'statusPage.reply' | 'statusPage.contestStatement' | 'statusPage.appeal';
  /** The form field's name, as the action's schema reads it. */
  name: string;
  maxLength: number;
  /** Numbers the hint mentions (e.g. `max` words). */
  hintValues?: Record<string, number>;
};

/**
 * One text box the requester sends from their status page (a reply to our question, an appeal, a
 * statement contesting data we would not correct). Works without JavaScript; errors in the page's language.
 */
export function MessageForm({ token, action, messages, name, maxLength, hintValues }: MessageFormProps) {
  const [state, formAction, isPending] = useActionState(action, initialActionState);
  const t = useTranslations(messages);
  const tForm = useTranslations('form');
  const translateMessage = useValidationMessage();
  const fieldErrors = useTranslatedFieldErrors()<string>(state.fieldErrors);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary
        message={state.formError && translateMessage(state.formError)}
        fieldErrors={fieldErrors}
        labels={{ [name]: t('label') }}
      />
      <input type="hidden" name="token" value={token} />
      <FormField id={name} label={t('label')} hint={t('hint', hintValues)} errors={fieldErrors[name]}>
        {(describedBy, isInvalid) => (
          <textarea
            id={name}
            name={name}
            maxLength={maxLength}
            defaultValue={state.values?.[name]}
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
          />
        )}
      </FormField>
      <button type="submit" disabled={isPending}>
        {isPending ? tForm('sending') : t('submit')}
      </button>
    </form>
  );
}
