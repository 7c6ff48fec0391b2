import type { DataSourceRow, ErasurePlan, ErasureProof, FulfilmentRunRow, FulfilmentSourceResultRow, RequestRow } from '@/db/schema';
import type { Subject } from '@/lib/data-sources/postgres/stream-subject-rows';

/** Everything a source's executor needs for one step of a run. */
export type SourceStep = {
  request: Pick<RequestRow, 'id' | 'reference' | 'type' | 'details' | 'correctionFields'>;
  subject: Subject;
  run: Pick<FulfilmentRunRow, 'id' | 'kind'>;
  result: Pick<FulfilmentSourceResultRow, 'id' | 'attempts' | 'callbackJobId'>;
  source: DataSourceRow;
  /** The admin setting read when the step started: off, the step may not reach private or local addresses. */
  allowPrivateTargets: boolean;
  /** Erase of a database source: the plan its request's latest successful dry run stored for it (null if none). */
  plan?: ErasurePlan | null;
  /** Reports rows handled so far (shown as progress on the request page); cheap to call often. */
  reportProgress: (rowsDone: number) => Promise<void>;
  /**
   * Stores a webhook job's id on the result before the job is sent, so a callback
   * that arrives before the source's 202 does still finds its job.
   */
  saveCallbackJobId?: (callbackJobId: string) => Promise<void>;
};

/**
 * What one step produced. `succeeded` and `failed` are final; `awaiting_callback`
 * means the system answers later at /api/callbacks/<slug> (webhooks);
 * `awaiting_confirmation` means an agent confirms it (manual sources).
 */
export type SourceOutcome =
  | {
      status: 'succeeded';
      rowCounts: Record<string, number>;
      rowsDone?: number;
      stagedStorageKey?: string | null;
      plan?: ErasurePlan;
      proof?: ErasureProof;
      /** The named identities the subject's rows yielded (the map's `yields`), for the sources searched after this one. */
      identities?: Record<string, string[]>;
    }
  | { status: 'failed'; error: string; rowCounts?: Record<string, number>; proof?: ErasureProof }
  | { status: 'awaiting_callback'; callbackJobId: string }
  | { status: 'awaiting_confirmation' };

export type SourceExecutor = (step: SourceStep) => Promise<SourceOutcome>;
