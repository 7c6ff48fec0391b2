import { asc, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { outboundEmails } from '@/db/schema';

export type OutboundEmailRow = typeof outboundEmails.$inferSelect;

/** A request's outbox rows, oldest first. */
export async function listOutboundEmails(db: DatabaseOrTransaction, { requestId }: { requestId: string }): Promise<OutboundEmailRow[]> {
  return db
    .select()
    .from(outboundEmails)
    .where(eq(outboundEmails.requestId, requestId))
    .orderBy(asc(outboundEmails.createdAt), asc(outboundEmails.id));
}

export async function getOutboundEmail(db: DatabaseOrTransaction, { id }: { id: string }): Promise<OutboundEmailRow> {
  const [row] = await db.select().from(outboundEmails).where(eq(outboundEmails.id, id));
  if (!row) throw new Error(`no outbound email ${id}`);
  return row;
}

/** The last path segment of a link: the raw token of a /verify/ or /status/ URL. */
export function tokenFromUrl(url: string): string {
  const token = new URL(url).pathname.split('/').pop();
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}

function propsOf(row: OutboundEmailRow): Record<string, unknown> {
  const props = (row.payload as { props?: Record<string, unknown> } | null)?.props;
  if (!props) throw new Error(`outbound email ${row.id} has no payload (already sent or scrubbed)`);
  return props;
}

/** The raw token of the newest verification email queued for a request. */
export async function latestVerificationToken(db: DatabaseOrTransaction, { requestId }: { requestId: string }): Promise<string> {
  const row = (await listOutboundEmails(db, { requestId })).filter((email) => email.template === 'verification').pop();
  if (!row) throw new Error(`no verification email for request ${requestId}`);
  return tokenFromUrl(String(propsOf(row).verifyUrl));
}

export function payloadProps(row: OutboundEmailRow): Record<string, unknown> {
  return propsOf(row);
}

export type EmailJobRow = {
  id: string;
  task_identifier: string;
  attempts: number;
  last_error: string | null;
  key: string | null;
  run_at: Date;
};

/** The graphile-worker job that delivers an outbox row (graphile_worker.jobs is the public view in 0.18). */
export async function findEmailJob(
  db: DatabaseOrTransaction,
  { outboundEmailId }: { outboundEmailId: string },
): Promise<EmailJobRow | null> {
  const rows = await db.execute<EmailJobRow>(
    sql`select id::text, task_identifier, attempts, last_error, key, run_at from graphile_worker.jobs where key = ${`email:${outboundEmailId}`}`,
  );
  return rows[0] ?? null;
}
