import { useTranslations } from 'next-intl';
import { FormField } from '@/components/form-field';
import { EvidenceFileField } from '@/components/evidence-file-field';
import { submitRequestMaxLengths } from '@/lib/validation/submit-request';
import type { SubmitRequestFormState } from './form-state';

/**
 * "I am filing on someone's behalf" (an authorised agent, CCPA §7063). Closed unless used, so the
 * ordinary form stays short. The person's own email goes in the email field above: we ask them to confirm.
 * The signed permission goes with the form itself (a multipart post), so it works without JavaScript.
 */
export function AgentFields({
  values,
  errors,
}: {
  values: SubmitRequestFormState['values'];
  errors: NonNullable<SubmitRequestFormState['fieldErrors']>;
}) {
  const t = useTranslations('requestPage');
  const isOpen = Boolean(
    values.agentName || values.agentEmail || values.agentOrganisation || errors.agentName || errors.agentEmail || errors.agentPermission,
  );
  return (
    <details className="agent-fields" open={isOpen}>
      <summary id="agent-summary">I am filing on someone’s behalf</summary>
      <p className="field__hint">
        Put the person’s own name and email above. We will email them to confirm the request themselves. We send you a separate link to
        follow the request. You will see its progress and our messages, not their data.
      </p>
      <FormField id="agentName" label="Your own name (as the agent)" errors={errors.agentName}>
        {(describedBy, isInvalid) => (
          <input
            id="agentName"
            name="agentName"
            maxLength={submitRequestMaxLengths.agentName}
            defaultValue={values.agentName}
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
          />
        )}
      </FormField>
      <FormField id="agentEmail" label="Your own email (as the agent)" errors={errors.agentEmail}>
        {(describedBy, isInvalid) => (
          <input
            id="agentEmail"
            name="agentEmail"
            type="email"
            maxLength={submitRequestMaxLengths.agentEmail}
            defaultValue={values.agentEmail}
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
          />
        )}
      </FormField>
      <FormField id="agentOrganisation" label="Your organisation (optional)" errors={errors.agentOrganisation}>
        {(describedBy, isInvalid) => (
          <input
            id="agentOrganisation"
            name="agentOrganisation"
            maxLength={submitRequestMaxLengths.agentOrganisation}
            defaultValue={values.agentOrganisation}
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
          />
        )}
      </FormField>
      <EvidenceFileField
        name="agentPermission"
        label={t('labels.agentPermission')}
        hint={t('hints.agentPermission')}
        errors={errors.agentPermission}
      />
    </details>
  );
}
