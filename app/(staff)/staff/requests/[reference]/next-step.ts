import { isCopyFromUploadsOnly } from '@/lib/fulfilment/copy-from-uploads';
import type { RequestFulfilment } from '@/lib/fulfilment/get-request-fulfilment';
import type { AvailableActions } from '@/lib/requests/list-available-actions';
import type { RequestStatus } from '@/lib/requests/request-status';
import type { RequestType, requestTypeRules } from '@/lib/validation/request-type';

type RequestAnswer = (typeof requestTypeRules)[RequestType]['answer'];

export type StepId =
  | 'decide_appeal'
  | 'start_work'
  | 'request_information'
  | 'extend'
  | 'gather'
  | 'release'
  | 'release_copy'
  | 'offer_copy'
  | 'dry_run'
  | 'erase'
  | 'fulfil'
  | 'reject';

export type RequestSteps = {
  /** The one primary action for the state the request is in, or null when nothing is for staff to do now. */
  primary: StepId | null;
  /** Why there is no primary action (waiting for the requester, a run in progress, the checklist). */
  waiting: string | null;
  /** Every other action the state allows, for the "More actions" menu. */
  others: StepId[];
};

type StepInput = {
  status: RequestStatus;
  isAppeal: boolean;
  answer: RequestAnswer;
  actions: AvailableActions;
  fulfilment: RequestFulfilment | null;
  /** A deletion with a copy first (null otherwise): whether the copy is out, and whether erasure still waits for it. */
  copy?: { isReleased: boolean; isWaiting: boolean } | null;
};

/**
 * Orders what the use cases allow (availableActions: their own checks) into one primary action and
 * the rest. Nothing here decides whether an action is allowed; it only picks which allowed one leads,
 * e.g. access: Start work → Gather data → Release; deletion: Start work → Dry run → Erase data; a deletion with a copy first:
 * Gather data → Release the copy → (wait) → Dry run → Erase data; others: Start work → Fulfil.
 */
export function planRequestSteps({ status, isAppeal, answer, actions, fulfilment, copy = null }: StepInput): RequestSteps {
  if (!actions.work.isAllowed) return { primary: null, waiting: null, others: [] };
  const gather = fulfilment?.gather ?? null;
  const dryRun = fulfilment?.dryRun ?? null;
  const erase = fulfilment?.erase ?? null;
  const hasAccessSources = (fulfilment?.enabledSources.access ?? 0) > 0;
  const hasErasureSources = (fulfilment?.enabledSources.erasure ?? 0) > 0;
  const isErasureUnderway = erase?.status === 'running' || erase?.status === 'succeeded';

  const allowed = new Set<StepId>();
  if (isAppeal) allowed.add('decide_appeal');
  if (actions.startWork.isAllowed) allowed.add('start_work');
  if (actions.requestInformation.isAllowed) allowed.add('request_information');
  if (actions.extendDeadline.isAllowed) allowed.add('extend');
  // An appeal is decided, never fulfilled or rejected as such.
  if (actions.fulfil.isAllowed && !isAppeal) allowed.add('fulfil');
  if (actions.reject.isAllowed && !isAppeal) allowed.add('reject');
  const gathers = answer === 'data' || (copy !== null && !copy.isReleased);
  if (gathers && hasAccessSources && gather?.status !== 'running' && gather?.status !== 'released') allowed.add('gather');
  const isCopyReady =
    (gather?.status === 'succeeded' && gather.package) ||
    isCopyFromUploadsOnly({ accessSources: fulfilment?.enabledSources.access ?? 0, hasGathered: gather !== null });
  if (copy && !copy.isReleased && isCopyReady) allowed.add('release_copy');
  if (actions.offerCopy?.isAllowed) allowed.add('offer_copy');
  if (answer === 'data' && actions.release.isAllowed && gather?.status === 'succeeded' && gather.package) allowed.add('release');
  if (actions.erase && hasErasureSources && dryRun?.status !== 'running' && !isErasureUnderway) allowed.add('dry_run');
  if (actions.erase?.isAllowed) allowed.add('erase');

  const { primary, waiting } = choosePrimary({ status, isAppeal, allowed, gather, dryRun, erase, copy });
  const order: StepId[] = [
    'start_work',
    'request_information',
    'extend',
    'gather',
    'release_copy',
    'dry_run',
    'release',
    'offer_copy',
    'fulfil',
    'reject',
  ];
  return { primary, waiting, others: order.filter((step) => step !== primary && allowed.has(step)) };
}

function choosePrimary({
  status,
  isAppeal,
  allowed,
  gather,
  dryRun,
  erase,
  copy,
}: {
  copy: StepInput['copy'];
  status: RequestStatus;
  isAppeal: boolean;
  allowed: Set<StepId>;
  gather: RequestFulfilment['gather'];
  dryRun: RequestFulfilment['dryRun'];
  erase: RequestFulfilment['erase'];
}): { primary: StepId | null; waiting: string | null } {
  if (isAppeal) return { primary: 'decide_appeal', waiting: null };
  if (status === 'awaiting_requester') {
    return { primary: null, waiting: 'Waiting for the requester: the request comes back to the queue when they reply.' };
  }
  if (status === 'new' && allowed.has('start_work')) return { primary: 'start_work', waiting: null };
  if (erase?.status === 'running') {
    const isChecklist = erase.results.some((result) => result.status === 'awaiting_confirmation');
    return {
      primary: null,
      waiting: isChecklist
        ? 'Erasure is waiting for the checklist below: confirm each item when it is done.'
        : 'Erasure is running: each source’s outcome appears below, and the request closes when it finishes.',
    };
  }
  const copyStep = copy ? chooseCopyStep(copy, allowed, gather) : null;
  if (copyStep) return copyStep;
  if (allowed.has('erase')) return { primary: 'erase', waiting: null };
  if (dryRun?.status === 'running') return { primary: null, waiting: 'The dry run is running: its counts appear below.' };
  if (allowed.has('dry_run')) return { primary: 'dry_run', waiting: null };
  if (gather?.status === 'running') return { primary: null, waiting: 'Gathering is running: each source’s progress appears below.' };
  if (allowed.has('release')) return { primary: 'release', waiting: null };
  if (allowed.has('gather') && !gather) return { primary: 'gather', waiting: null };
  if (allowed.has('fulfil')) return { primary: 'fulfil', waiting: null };
  return { primary: null, waiting: null };
}

/** A deletion with a copy first: the copy is gathered and released before the dry run and erasure lead; null once it no longer holds them up. */
function chooseCopyStep(
  copy: NonNullable<StepInput['copy']>,
  allowed: Set<StepId>,
  gather: RequestFulfilment['gather'],
): { primary: StepId | null; waiting: string | null } | null {
  if (copy.isReleased) {
    return copy.isWaiting
      ? {
          primary: null,
          waiting: 'Waiting for the requester to download their copy: erasure is possible once they do, or when the wait ends.',
        }
      : null;
  }
  if (gather?.status === 'running')
    return { primary: null, waiting: 'Gathering the requester’s copy: each source’s progress appears below.' };
  if (allowed.has('release_copy')) return { primary: 'release_copy', waiting: null };
  if (allowed.has('gather')) return { primary: 'gather', waiting: null };
  return null;
}
