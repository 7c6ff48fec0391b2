import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/lib/database';
import { requireStaffPage } from '@/lib/staff/require-staff-page';
import { listEventSubscriptions } from '@/lib/webhooks/list-event-subscriptions';
import { CreateSubscriptionForm } from './create-subscription-form';

export const metadata: Metadata = { title: 'Event webhooks' };

export default async function EventWebhooksPage() {
  const actor = await requireStaffPage('settings.manage');
  const subscriptions = await listEventSubscriptions(getDb(), { actor });
  return (
    <>
      <p>
        <Link href="/staff/settings">Back to settings</Link>
      </p>
      <h1>Event webhooks</h1>
      <p>
        dsr-desk POSTs request events to these URLs as they happen, signed like webhook jobs, and retries a failed delivery for about a day.
      </p>
      {subscriptions.length === 0 ? (
        <p className="empty-state">No subscriptions yet.</p>
      ) : (
        <table className="data">
          <caption className="table-caption">Every subscription and how its deliveries stand</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">URL</th>
              <th scope="col">Events</th>
              <th scope="col">Waiting</th>
              <th scope="col">Failed</th>
            </tr>
          </thead>
          <tbody>
            {subscriptions.map((subscription) => (
              <tr key={subscription.id}>
                <th scope="row">
                  <Link href={`/staff/settings/webhooks/${subscription.id}`}>{subscription.name}</Link>
                </th>
                <td>
                  <code>{subscription.url}</code>
                </td>
                <td>{subscription.events.join(', ')}</td>
                <td>{subscription.pending}</td>
                <td>{subscription.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="panel" aria-labelledby="new-subscription-heading">
        <h2 id="new-subscription-heading">Subscribe a URL</h2>
        <CreateSubscriptionForm />
      </section>
    </>
  );
}
