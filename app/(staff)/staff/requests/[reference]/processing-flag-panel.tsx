import type { RequestFulfilment } from '@/lib/fulfilment/get-request-fulfilment';
import type { ProcessingFlagRunKind } from '@/lib/fulfilment/processing-flag-runs';
import { FulfilmentButtonForm } from './fulfilment-button-form';
import { startProcessingFlagRunAction } from './fulfilment-actions';
import { RunDetails } from './run-details';

/** How the panel speaks of each kind of processing flag: the heading, the run, the button. */
export const processingFlagWording: Record<
  ProcessingFlagRunKind,
  { heading: string; caption: string; notYet: string; label: string; again: string; job: string; what: string }
> = {
  opt_out: {
    heading: 'Opt out in your systems',
    caption: 'Opt-out per source',
    notYet: 'The opt-out has not been applied yet.',
    label: 'Apply the opt-out in every source',
    again: 'Apply the opt-out again',
    job: 'opt_out',
    what: 'the flag each database source’s map names for this opt-out',
  },
  restrict: {
    heading: 'Restrict processing in your systems',
    caption: 'Restriction per source',
    notYet: 'The restriction has not been applied yet.',
    label: 'Apply the restriction',
    again: 'Apply the restriction again',
    job: 'restrict',
    what: 'the columns each database source’s map names under “restriction”',
  },
  object: {
    heading: 'Stop the processing objected to',
    caption: 'Objection per source',
    notYet: 'The objection has not been applied yet.',
    label: 'Stop the processing objected to',
    again: 'Apply the objection again',
    job: 'object',
    what: 'the columns each database source’s map names under “objection”',
  },
};

type ProcessingFlagPanelProps = {
  kind: ProcessingFlagRunKind;
  fulfilment: RequestFulfilment;
  reference: string;
  version: number;
  isWorkable: boolean;
  requester: string;
};

/** Opt-outs, restrictions and objections: the flag set in every source that holds the data; the request closes when all are done. */
export function ProcessingFlagPanel({ kind, fulfilment, reference, version, isWorkable, requester }: ProcessingFlagPanelProps) {
  const run = fulfilment.processingFlag;
  const wording = processingFlagWording[kind];
  return (
    <>
      {run ? (
        <RunDetails
          run={run}
          caption={wording.caption}
          reference={reference}
          version={version}
          isWorkable={isWorkable}
          requester={requester}
        />
      ) : (
        <p className="empty-state">{wording.notYet}</p>
      )}
      {isWorkable && run?.status !== 'running' && run?.status !== 'succeeded' ? (
        <FulfilmentButtonForm
          action={startProcessingFlagRunAction}
          reference={reference}
          version={version}
          label={run ? wording.again : wording.label}
          pendingLabel="Applying…"
          hint={`Sets ${wording.what}, sends a signed “${wording.job}” job to each webhook source and adds a checklist item for each manual one. When every source is done, the request closes and the requester is emailed.`}
        />
      ) : null}
    </>
  );
}
