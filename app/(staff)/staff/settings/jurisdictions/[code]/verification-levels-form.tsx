'use client';

import { useActionState } from 'react';
import { type RequestType, requestTypeLabels } from '@/lib/validation/request-type';
import {
  MAX_DATA_POINTS,
  MIN_DATA_POINTS,
  type TVerificationLevelSettings,
  type TVerificationRequirement,
  verificationLevelLabels,
  verificationLevels,
} from '@/lib/validation/verification-levels';
import { initialActionState } from '../../../action-state';
import { ActionNotice, ActionProblems } from '../../../form-feedback';
import { updateVerificationLevelsAction } from './verification-actions';

type Props = {
  code: string;
  settings: TVerificationLevelSettings;
  /** The request types this regime offers that may ask for more than the email link (opt-outs never do). */
  types: { type: RequestType; current: TVerificationRequirement; recommended: TVerificationRequirement | null }[];
};

/** One regime's identity level per request type, with the tries allowed and how long evidence is kept. */
export function VerificationLevelsForm({ code, settings, types }: Props) {
  const [state, formAction, isPending] = useActionState(updateVerificationLevelsAction, initialActionState);
  return (
    <form action={formAction} noValidate aria-labelledby="identity-levels-heading">
      <ActionProblems state={state} labels={{}} />
      <ActionNotice state={state} />
      <input type="hidden" name="jurisdiction" value={code} />
      <table className="data">
        <caption className="visually-hidden">Identity level per request type</caption>
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">Level</th>
            <th scope="col">Data points</th>
            <th scope="col">Recommended</th>
          </tr>
        </thead>
        <tbody>
          {types.map(({ type, current, recommended }) => (
            <tr key={type}>
              <th scope="row">{requestTypeLabels[type].title}</th>
              <td>
                <select name={`${type}.level`} aria-label={`Level for ${requestTypeLabels[type].title}`} defaultValue={current.level}>
                  {verificationLevels.map((level) => (
                    <option key={level} value={level}>
                      {verificationLevelLabels[level]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="number"
                  name={`${type}.dataPoints`}
                  aria-label={`Data points for ${requestTypeLabels[type].title}`}
                  min={MIN_DATA_POINTS}
                  max={MAX_DATA_POINTS}
                  defaultValue={current.dataPoints}
                />
              </td>
              <td className="field__hint">
                {recommended
                  ? `${verificationLevelLabels[recommended.level]}${recommended.level === 'email' || recommended.level === 'staff_check' ? '' : ` (${recommended.dataPoints})`}`
                  : verificationLevelLabels.email}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="field">
        <label htmlFor="maxTries">Tries before data-point checks lock (all regions)</label>
        <input id="maxTries" name="maxTries" type="number" min={1} max={10} defaultValue={settings.maxTries} />
      </div>
      <div className="field">
        <label htmlFor="evidenceRetentionDays">
          Days to keep identity documents and agents’ permissions after the decision, or after closing if undecided (all regions)
        </label>
        <input
          id="evidenceRetentionDays"
          name="evidenceRetentionDays"
          type="number"
          min={1}
          max={90}
          defaultValue={settings.evidenceRetentionDays}
        />
      </div>
      <button type="submit" disabled={isPending}>
        {isPending ? 'Saving…' : 'Save identity levels'}
      </button>
    </form>
  );
}
