import { DateTimeText } from '@/components/date-time-text';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DateText } from '@/components/date-text';
import { formatBytes } from '@/lib/format/format-bytes';
import { Timeline } from '@/components/timeline';
import type { DatabaseOrTransaction } from '@/db/client';
import { readOneSnapshot } from '@/db/read-one-snapshot';
import { getDb } from '@/lib/database';
import { env } from '@/lib/env';
import { englishLanguageName } from '@/lib/i18n/locales';
import { isAppError } from '@/lib/errors/app-error';
import { MAX_ATTACHMENT_COUNT } from '@/lib/fulfilment/attachment-limits';
import { getRequestFulfilment } from '@/lib/fulfilment/get-request-fulfilment';
import { listCorrectableRows } from '@/lib/fulfilment/corrections/list-correctable-rows';
import { getRequestDetail, type RequestDetail } from '@/lib/requests/get-request-detail';
import { isOpen, statusLabels } from '@/lib/requests/request-status';
import { projectedDueOn } from '@/lib/requests/resume-stopped-clock';
import { requestTypeRules } from '@/lib/validation/request-type';
import { processingFlagRunOf } from '@/lib/fulfilment/processing-flag-runs';
import { requestTypeLabel } from '@/lib/requests/request-type-label';
import { rightCitation } from '@/lib/requests/right-citation';
import { getPageOrganisationSettings } from '@/lib/settings/get-page-organisation-settings';
import { staffTimelineLabel } from '@/lib/requests/timeline-labels';
import { listAssignableStaff } from '@/lib/staff/list-assignable-staff';
import { can } from '@/lib/staff/permissions';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { intakeChannelLabels, rejectionBasisLabels } from '@/lib/validation/staff-actions';
import { AddNoteForm } from './add-note-form';
import { AssignRequestForm } from './assign-request-form';
import { doneNotice } from './done-notices';
import { ExtendDeadlineForm } from './extend-deadline-form';
import { FulfilRequestForm } from './fulfil-request-form';
import { DecideAppealForm } from './decide-appeal-form';
import { CorrectionPanel } from './correction-panel';
import { CorrectionDocuments, CorrectionRequestFields } from './correction-request-fields';
import { FulfilmentPanel, FulfilmentSection } from './fulfilment-panel';
import { IdentityPanel } from './identity-panel';
import { getIdentityPanel } from '@/lib/verification/get-identity-panel';
import { ProcessingFlagPanel, processingFlagWording } from './processing-flag-panel';
import { ActionMenu, type ActionMenuItem } from './action-menu';
import { DryRunForm } from './dry-run-form';
import { EraseForm } from './erase-form';
import { GatherDataForm } from './gather-data-form';
import { ReleasePackageForm } from './release-package-form';
import { isCopyFromUploadsOnly } from '@/lib/fulfilment/copy-from-uploads';
import { OfferCopyForm } from './offer-copy-form';
import { describeRun } from './describe-run';
import { planRequestSteps, type StepId } from './next-step';
import { RejectRequestForm } from './reject-request-form';
import { describeTimeLeft, RequestClock } from './request-clock';
import { RequestInformationForm } from './request-information-form';
import { RetryEmailsForm } from './retry-emails-form';
import { StartWorkForm } from './start-work-form';
import { eventDetail } from './event-detail';
import { referenceFromPath } from './reference-param';

type PageProps = { params: Promise<{ reference: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return { title: `Request ${(await params).reference}` };
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const channelLabels = { web: 'Web form', api: 'API', staff: 'Filed by staff' } as const;

async function loadRequest(
  db: DatabaseOrTransaction,
  actor: Parameters<typeof getRequestDetail>[1]['actor'],
  reference: string,
): Promise<RequestDetail> {
  try {
    return await getRequestDetail(db, { actor, reference });
  } catch (error) {
    if (isAppError(error, 'NOT_FOUND')) notFound();
    throw error;
  }
}

/** One request, everything staff need to work it; auditors get the same page without a single control. */
export default async function StaffRequestPage({ params, searchParams }: PageProps) {
  const actor = await requireStaffPage('requests.read');
  const [{ reference }, query] = await Promise.all([params, searchParams]);
  // One snapshot for everything the page shows, so a commit landing mid-render (a run settling) shows everywhere or nowhere.
  const { request, assignableStaff, fulfilment, identity, correctable } = await readOneSnapshot(getDb(), async (db) => {
    const request = await loadRequest(db, actor, referenceFromPath(reference));
    const isCorrecting = request.availableActions.work.isAllowed && request.type === 'correction' && request.reference !== null;
    const [assignableStaff, fulfilment, identity, correctable] = await Promise.all([
      request.availableActions.work.isAllowed ? listAssignableStaff(db, { actor }) : [],
      request.reference ? getRequestFulfilment(db, { actor, requestId: request.id }) : null,
      request.reference ? getIdentityPanel(db, { actor, request }) : null,
      isCorrecting && request.reference ? listCorrectableRows(db, { actor, reference: request.reference }) : [],
    ]);
    return { request, assignableStaff, fulfilment, identity, correctable };
  });
  const { downloadDays, maxDownloads, copyWaitDays } = await getPageOrganisationSettings();
  const canWork = can(actor.role, 'requests.work');
  const actions = request.availableActions;
  const isWorkable = actions.work.isAllowed;
  const isCorrecting = isWorkable && request.type === 'correction' && request.reference !== null;
  const shownReference = request.reference ?? reference;
  const notice = doneNotice(query.done, shownReference);
  const extension = request.policy?.extension ?? null;
  const failingEmails = request.emails.filter((email) => email.status !== 'sent' && email.attempts > 0);
  const requester = request.fullName && request.email ? `${request.fullName} (${request.email})` : (request.email ?? 'the requester');
  const answer = requestTypeRules[request.type].answer;
  const processingFlagRun = processingFlagRunOf(request.type);
  // An appeal and the request it appeals are linked under "Appeal of" / "Appealed" already.
  const relatedRequests = request.relatedRequests.filter(
    (related) => related.reference !== request.appealLinks.appealOf && related.reference !== request.appealLinks.appeal,
  );
  const copy = request.copyBeforeErasure
    ? { isReleased: request.copyRelease !== null, isWaiting: request.copyRelease !== null && request.copyRelease.unblockedBy === null }
    : null;
  const steps = planRequestSteps({ status: request.status, isAppeal: Boolean(request.appealOfId), answer, actions, fulfilment, copy });
  const gather = fulfilment?.gather ?? null;
  const dryRun = fulfilment?.dryRun ?? null;
  const timeLeft =
    request.dueOn && isOpen(request.status)
      ? describeTimeLeft({
          dueOn: request.dueOn,
          clockStoppedAt: request.clockStoppedAt,
          projectedDueOn: projectedDueOn(request, new Date()),
        })
      : null;

  /** The release of the gathered package: the answer of an access request, or (with the copy wait) a deletion's copy first. */
  const releaseForm = (copyWait?: number) => {
    const releaseTerms = {
      reference: shownReference,
      version: request.version,
      downloadTerms: `the link works for ${downloadDays} ${downloadDays === 1 ? 'day' : 'days'}, for up to ${maxDownloads} ${maxDownloads === 1 ? 'download' : 'downloads'}`,
      maxFiles: MAX_ATTACHMENT_COUNT,
      maxFileMegabytes: env().MAX_ATTACHMENT_MB,
      copyWaitDays: copyWait,
    };
    if (gather?.package)
      return (
        <ReleasePackageForm
          {...releaseTerms}
          runId={gather.id}
          fileDescription={`${shownReference}-your-data.zip (${formatBytes(gather.package.sizeBytes)})`}
        />
      );
    // Nothing to gather from: the copy is the files the agent uploads.
    return copyWait !== undefined &&
      fulfilment &&
      isCopyFromUploadsOnly({ accessSources: fulfilment.enabledSources.access, hasGathered: gather !== null }) ? (
      <ReleasePackageForm {...releaseTerms} fileDescription="the files you upload" />
    ) : null;
  };

  /** Each action's form, built once: the primary one is shown open, the others behind "More actions". */
  const forms: Record<StepId, { label: string; form: () => ReactNode }> = {
    decide_appeal: {
      label: 'Decide the appeal',
      form: () =>
        request.appealLinks.appealOf ? (
          <DecideAppealForm
            reference={shownReference}
            version={request.version}
            appealOf={request.appealLinks.appealOf}
            canOverride={can(actor.role, 'appeals.override_separation')}
          />
        ) : null,
    },
    start_work: {
      label: request.status === 'awaiting_requester' ? 'Resume work' : 'Start work',
      form: () => <StartWorkForm reference={shownReference} version={request.version} />,
    },
    request_information: {
      label: 'Ask the requester a question',
      form: () => (
        <RequestInformationForm
          reference={shownReference}
          version={request.version}
          clockStopKinds={request.policy?.clockStopKinds ?? []}
        />
      ),
    },
    extend: {
      label: 'Extend the deadline',
      form: () =>
        extension && request.dueOn && actions.extendDeadline.isAllowed && actions.extendDeadline.maxDueOn ? (
          <ExtendDeadlineForm
            reference={shownReference}
            version={request.version}
            dueOn={request.dueOn}
            maxDueOn={actions.extendDeadline.maxDueOn}
            extensionLimit={`${request.policy?.label} allows ${extension.maxCount === 1 ? 'one extension' : `${extension.maxCount} extensions`} of up to ${extension.amount} ${extension.unit}; ${request.extensionCount} used.`}
          />
        ) : null,
    },
    gather: {
      label: gather ? 'Gather the data again' : 'Gather data from your systems',
      form: () => <GatherDataForm reference={shownReference} version={request.version} isAgain={Boolean(gather)} />,
    },
    release: { label: 'Release the package', form: () => releaseForm() },
    release_copy: { label: 'Release the copy', form: () => releaseForm(copyWaitDays) },
    offer_copy: {
      label: 'Offer a copy first',
      form: () => <OfferCopyForm reference={shownReference} version={request.version} copyWaitDays={copyWaitDays} />,
    },
    dry_run: {
      label: dryRun ? 'Run the dry run again' : 'Start a dry run',
      form: () => <DryRunForm reference={shownReference} version={request.version} isAgain={Boolean(dryRun)} />,
    },
    erase: {
      label: 'Erase the data',
      form: () => (
        <EraseForm
          reference={shownReference}
          version={request.version}
          blockedReason={actions.erase && !actions.erase.isAllowed ? actions.erase.reason : null}
          dryRunSummary={dryRun?.status === 'succeeded' ? describeRun(dryRun) : null}
          requester={requester}
        />
      ),
    },
    fulfil: {
      label: 'Fulfil the request',
      form: () => (
        <FulfilRequestForm
          reference={shownReference}
          version={request.version}
          needsFiles={answer === 'data'}
          maxFiles={MAX_ATTACHMENT_COUNT}
          maxFileMegabytes={env().MAX_ATTACHMENT_MB}
        />
      ),
    },
    reject: {
      label: 'Reject the request',
      form: () => <RejectRequestForm reference={shownReference} version={request.version} requester={requester} />,
    },
  };
  const menuItems: ActionMenuItem[] = steps.others.map((step) => ({ id: step, label: forms[step].label, content: forms[step].form() }));

  return (
    <article className="request-page">
      <div aria-live="polite" role="status" className="request-page__notice">
        {notice ? <p className="notice notice--ok">{notice}</p> : null}
      </div>
      <header className="request-header">
        <h1>Request {shownReference}</h1>
        <dl className="request-header__facts">
          <div>
            <dt>Status</dt>
            <dd>
              {request.appealOfId ? <span className="status-pill status-pill--appeal">Appeal</span> : null}
              {request.appealOfId ? ' ' : null}
              <span className="status-pill">{statusLabels[request.status]}</span>
              {request.hasUnreadReply ? (
                <>
                  {' '}
                  <span className="status-pill status-pill--replied">Replied</span>
                </>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>Type</dt>
            <dd>{requestTypeLabel(request.type)}</dd>
          </div>
          <div>
            <dt>Due</dt>
            <dd>{request.dueOn ? <DateText date={request.dueOn} /> : 'Not yet'}</dd>
          </div>
          {timeLeft ? (
            <div>
              <dt>Time left</dt>
              <dd className={timeLeft.isOverdue ? 'clock-remaining--overdue' : undefined}>
                {request.clockStoppedAt ? 'Clock stopped' : timeLeft.text}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Assignee</dt>
            <dd>{request.assigneeName ?? 'Unassigned'}</dd>
          </div>
        </dl>
        {!canWork ? <p className="notice">You have read-only access to this request.</p> : null}
        {/* Shown on closed requests too: an appeal, a note or a resent link still reaches them in their language. */}
        {request.language === 'en' ? null : (
          <p className="notice" id="requester-language-note">
            The requester reads <strong>{englishLanguageName(request.language)}</strong>. Our emails to them are written in{' '}
            {englishLanguageName(request.language)}; a message you type here is sent exactly as you write it, so write it in{' '}
            {englishLanguageName(request.language)} if you can.
          </p>
        )}
        {isWorkable ? (
          <section className="request-next" aria-labelledby="next-step-heading">
            <h2 id="next-step-heading" className="visually-hidden">
              Next step
            </h2>
            {steps.waiting ? <p className="notice">{steps.waiting}</p> : null}
            {steps.primary ? <div className="request-next__primary">{forms[steps.primary].form()}</div> : null}
            <ActionMenu items={menuItems} />
          </section>
        ) : null}
        <nav aria-label="On this page" className="request-jump">
          <a href="#timeline-heading">Timeline</a> <a href="#notes-heading">Notes and replies</a>
          {fulfilment && answer !== 'action' ? <a href="#fulfilment-heading">Data from your systems</a> : null}
          <a href="#requester-heading">Requester</a>
        </nav>
      </header>

      <div className="two-columns">
        <div>
          <section className="panel" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">Timeline</h2>
            <Timeline
              items={request.events.map((event) => ({
                id: event.id,
                label: staffTimelineLabel(event.action),
                at: event.createdAt,
                actorName:
                  event.actorType === 'staff'
                    ? event.actorName || event.actorEmail || 'Staff member'
                    : event.actorType === 'api_key'
                      ? `API key “${String(event.details.apiKeyName ?? 'unnamed')}”`
                      : event.actorType === 'requester'
                        ? 'Requester'
                        : 'System',
                detail: eventDetail(event.action, event.details),
                isVisibleToRequester: event.isVisibleToRequester,
              }))}
            />
          </section>

          <section className="panel" aria-labelledby="notes-heading">
            <h2 id="notes-heading">Notes and replies</h2>
            <p className="field__hint">Internal notes are never shown to the requester. Replies from the requester are marked.</p>
            {request.notes.length === 0 ? (
              <p className="empty-state">
                {request.minimisedOn ? 'Notes and replies were removed with the personal data.' : 'No notes yet.'}
              </p>
            ) : (
              <ul className="notes">
                {request.notes.map((note) => (
                  <li key={note.id} className={note.isFromRequester ? 'note note--requester' : 'note'}>
                    <p className="note__meta">
                      <strong>
                        {note.isFromRequester
                          ? 'Reply from the requester'
                          : `Internal note by ${note.authorName || note.authorEmail || 'staff'}`}
                      </strong>{' '}
                      <time dateTime={note.createdAt.toISOString()}>{dateTime.format(note.createdAt)} UTC</time>
                    </p>
                    <p className="preserve-lines">{note.body}</p>
                  </li>
                ))}
              </ul>
            )}
            {canWork && !request.minimisedOn ? <AddNoteForm reference={shownReference} /> : null}
          </section>
          {fulfilment && request.reference && requestTypeRules[request.type].answer !== 'action' ? (
            <FulfilmentPanel
              fulfilment={fulfilment}
              request={{ reference: request.reference, version: request.version, type: request.type }}
              isWorkable={isWorkable}
              erasure={actions.erase}
              requester={requester}
              canReplayErasure={canWork}
              copy={request.copyBeforeErasure ? { release: request.copyRelease } : null}
            />
          ) : null}
          {fulfilment && request.reference && request.type === 'correction' && (isOpen(request.status) || fulfilment.correct) ? (
            <FulfilmentSection heading="Correct the data in your systems">
              <CorrectionPanel
                fulfilment={fulfilment}
                correctable={correctable}
                reference={request.reference}
                version={request.version}
                isWorkable={isCorrecting}
                requester={requester}
                correctionFields={request.correctionFields}
              />
            </FulfilmentSection>
          ) : null}
          {fulfilment && request.reference && processingFlagRun ? (
            <FulfilmentSection heading={processingFlagWording[processingFlagRun].heading}>
              <ProcessingFlagPanel
                kind={processingFlagRun}
                fulfilment={fulfilment}
                reference={request.reference}
                version={request.version}
                isWorkable={isWorkable}
                requester={requester}
              />
            </FulfilmentSection>
          ) : null}
        </div>

        <div>
          <section className="panel" aria-labelledby="requester-heading">
            <h2 id="requester-heading">Requester</h2>
            {request.minimisedOn ? (
              <p className="notice">
                Personal data removed on <DateText date={request.minimisedOn} />
                {request.status === 'expired' ? ': the request was never confirmed.' : ' after the retention period.'}
              </p>
            ) : null}
            <dl className="summary">
              <dt>Name</dt>
              <dd>{request.fullName ?? '—'}</dd>
              <dt>Email</dt>
              <dd>{request.email ?? '—'}</dd>
              <dt>Language</dt>
              <dd>
                {englishLanguageName(request.language)}
                {request.language === 'en' ? null : (
                  <span className="field__hint"> — emails and pages for this request are in this language</span>
                )}
              </dd>
              <dt>Account identifier</dt>
              <dd>{request.accountIdentifier || 'Not given'}</dd>
              <dt>Details</dt>
              <dd className="preserve-lines">{request.details || 'None given'}</dd>
              {request.type === 'correction' && !request.minimisedOn ? (
                <>
                  <dt>Fields to correct</dt>
                  <dd>
                    <CorrectionRequestFields fields={request.correctionFields} />
                  </dd>
                  <dt>Documents sent</dt>
                  <dd>
                    <CorrectionDocuments documents={request.correctionAttachments} canOpen={request.canOpenCorrectionDocuments} />
                  </dd>
                </>
              ) : null}
              {request.appealLinks.appealOf ? (
                <>
                  <dt>Appeal of</dt>
                  <dd>
                    <Link href={`/staff/requests/${request.appealLinks.appealOf}`}>{request.appealLinks.appealOf}</Link> (the requester’s
                    reason is under Details)
                  </dd>
                </>
              ) : null}
              {request.appealLinks.appeal ? (
                <>
                  <dt>Appealed</dt>
                  <dd>
                    <Link href={`/staff/requests/${request.appealLinks.appeal}`}>{request.appealLinks.appeal}</Link>
                  </dd>
                </>
              ) : null}
              {relatedRequests.length > 0 ? (
                <>
                  <dt>Same person’s other requests</dt>
                  <dd>
                    <ul className="plain-list">
                      {relatedRequests.map((related) => (
                        <li key={related.reference}>
                          <Link href={`/staff/requests/${related.reference}`}>{related.reference}</Link>: {requestTypeLabel(related.type)},{' '}
                          {statusLabels[related.status].toLowerCase()}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              ) : null}
              <dt>Rules</dt>
              <dd>
                {request.policy?.label ?? request.jurisdiction}
                {rightCitation(request.jurisdiction, request.type) ? (
                  <span className="field__hint"> — the right: {rightCitation(request.jurisdiction, request.type)}</span>
                ) : null}
                {request.policy?.legalBasis ? <span className="field__hint"> — the deadline: {request.policy.legalBasis}</span> : null}
              </dd>
              <dt>Made through</dt>
              <dd>
                {channelLabels[request.channel]}
                {request.intakeChannelDetail
                  ? ` (${intakeChannelLabels[request.intakeChannelDetail as keyof typeof intakeChannelLabels] ?? request.intakeChannelDetail})`
                  : ''}
              </dd>
              {request.gpcSignal ? (
                <>
                  <dt>Global Privacy Control</dt>
                  <dd>The requester’s browser sent the signal (Sec-GPC: 1) with this request: a valid opt-out of sale and sharing.</dd>
                </>
              ) : null}
              {request.channel === 'staff' ? (
                <>
                  <dt>Identity check</dt>
                  <dd className="preserve-lines">{request.identityCheck || 'Not recorded'}</dd>
                </>
              ) : null}
              <dt>Received</dt>
              <dd>
                <DateText date={request.receivedOn} />
              </dd>
              {request.rejectionBasis ? (
                <>
                  <dt>Rejected because</dt>
                  <dd>{rejectionBasisLabels[request.rejectionBasis]}</dd>
                </>
              ) : null}
              {request.responseMessage ? (
                <>
                  <dt>Message sent on closing</dt>
                  <dd className="preserve-lines">{request.responseMessage}</dd>
                </>
              ) : null}
              {request.contestStatement ? (
                <>
                  <dt>Requester’s statement contesting the data</dt>
                  <dd>
                    <p className="preserve-lines">{request.contestStatement.body}</p>
                    <p className="field__hint">
                      Sent <DateTimeText date={request.contestStatement.createdAt} /> (CCPA regulations, 11 CCR §7023(f)). Keep it with the
                      contested data, and pass it on to anyone the data is shared with.
                    </p>
                  </dd>
                </>
              ) : null}
            </dl>
          </section>

          <section className="panel" aria-labelledby="deadline-heading">
            <h2 id="deadline-heading">Deadline</h2>
            <RequestClock
              dueOn={request.dueOn}
              originalDueOn={request.originalDueOn}
              extensionCount={request.extensionCount}
              extensionReason={request.extensionReason}
              pausedDays={request.pausedDays}
              clockStoppedAt={request.clockStoppedAt}
              projectedDueOn={projectedDueOn(request, new Date())}
              pausedIntervals={request.pausedIntervals}
              isOpen={isOpen(request.status)}
            />
          </section>

          {identity && request.reference ? (
            <IdentityPanel identity={identity} reference={request.reference} version={request.version} />
          ) : null}
          <section className="panel" aria-labelledby="assignment-heading">
            <h2 id="assignment-heading">Assignment</h2>
            <p>{request.assigneeName ? `Assigned to ${request.assigneeName}` : 'Not assigned'}</p>
            {isWorkable ? (
              <AssignRequestForm
                reference={shownReference}
                version={request.version}
                currentStaffId={actor.staffId}
                assigneeId={request.assigneeId}
                staff={assignableStaff}
              />
            ) : null}
          </section>

          <section className="panel" aria-labelledby="emails-heading">
            <h2 id="emails-heading">Emails to the requester</h2>
            {request.emails.length === 0 ? (
              <p className="empty-state">No emails yet.</p>
            ) : (
              <table className="data">
                <caption className="visually-hidden">Outbound emails for this request and their delivery state</caption>
                <thead>
                  <tr>
                    <th scope="col">Email</th>
                    <th scope="col">Delivery</th>
                  </tr>
                </thead>
                <tbody>
                  {request.emails.map((email) => (
                    <tr key={email.id}>
                      <th scope="row">{email.template.replace(/-/g, ' ')}</th>
                      <td>
                        {email.status === 'sent' && email.sentAt ? (
                          <>Sent {dateTime.format(email.sentAt)} UTC</>
                        ) : email.attempts > 0 ? (
                          <span className="flag">
                            Failing after {email.attempts} {email.attempts === 1 ? 'attempt' : 'attempts'}
                            {email.lastError ? `: ${email.lastError}` : ''}
                          </span>
                        ) : (
                          'Queued'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {request.lastError ? <p className="flag">{request.lastError}</p> : null}
            {canWork && (failingEmails.length > 0 || request.lastError) ? <RetryEmailsForm reference={shownReference} /> : null}
          </section>

          <section className="panel" aria-labelledby="files-heading">
            <h2 id="files-heading">Files sent to the requester</h2>
            {request.attachments.length === 0 ? (
              <p className="empty-state">No files.</p>
            ) : (
              <table className="data">
                <caption className="visually-hidden">Files attached to the answer</caption>
                <thead>
                  <tr>
                    <th scope="col">File</th>
                    <th scope="col">Downloads by requester</th>
                  </tr>
                </thead>
                <tbody>
                  {request.attachments.map((file) => (
                    <tr key={file.id}>
                      <th scope="row">
                        <a href={`/api/staff/attachments/${file.id}`} download>
                          {file.fileName}
                        </a>{' '}
                        <span className="field__hint">({formatBytes(file.sizeBytes)})</span>
                      </th>
                      <td>
                        {file.downloadCount} of {file.maxDownloads}; link expires {dateTime.format(file.expiresAt)} UTC
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      </div>
    </article>
  );
}
