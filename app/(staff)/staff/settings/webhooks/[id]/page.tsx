import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DateTimeText } from '@/components/date-time-text';
import { getDb } from '@/lib/database';
import { isAppError } from '@/lib/errors/app-error';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { isUuid } from '@/lib/validation/is-uuid';
import { getEventSubscription } from '@/lib/webhooks/get-event-subscription';
import { RedeliverForm } from './redeliver-form';

export const metadata: Metadata = { title: 'Event webhook' };

const statusLabels = { pending: 'Waiting to retry', delivered: 'Delivered', failed: 'Failed' } as const;

export default async function EventWebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaffPage('settings.manage');
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const subscription = await getEventSubscription(getDb(), { actor, id }).catch((error: unknown) => {
    if (isAppError(error, 'NOT_FOUND')) notFound();
    throw error;
  });
  return (
    <>
      <p>
        <Link href="/staff/settings/webhooks">Back to event webhooks</Link>
      </p>
      <h1>{subscription.name}</h1>
      <p>
        <code>{subscription.url}</code> — {subscription.events.join(', ')}
      </p>
      <h2>Deliveries</h2>
      {subscription.deliveries.length === 0 ? (
        <p className="empty-state">Nothing sent yet.</p>
      ) : (
        <table className="data">
          <caption className="table-caption">The newest deliveries, each try’s response code</caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Request</th>
              <th scope="col">Queued</th>
              <th scope="col">Status</th>
              <th scope="col">Tries (response codes)</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {subscription.deliveries.map((delivery) => {
              const request = (delivery.payload.data as { request?: { reference?: string | null } } | undefined)?.request;
              return (
                <tr key={delivery.id}>
                  <th scope="row">{delivery.eventType}</th>
                  <td>{request?.reference ?? '—'}</td>
                  <td>
                    <DateTimeText date={delivery.createdAt} />
                  </td>
                  <td>
                    {statusLabels[delivery.status]}
                    {delivery.lastError ? <span className="muted"> — {delivery.lastError}</span> : null}
                  </td>
                  <td>{delivery.attemptLog.map((attempt) => attempt.statusCode ?? 'no answer').join(', ') || '—'}</td>
                  <td>
                    <RedeliverForm
                      subscriptionId={subscription.id}
                      deliveryId={delivery.id}
                      label={`Redeliver ${delivery.eventType} of ${request?.reference ?? 'this request'}`}
                      isWaiting={delivery.status === 'pending'}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
