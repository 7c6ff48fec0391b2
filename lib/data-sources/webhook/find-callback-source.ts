import { and, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/db/client';
import { type DataSourceRow, dataSources } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { ZDataSourceSlug } from '@/lib/validation/data-source';

/**
 * The enabled webhook source a callback URL names. Unknown, disabled and
 * non-webhook sources are all the same "not found", so the URL space tells a
 * caller nothing about which sources exist.
 */
export async function findCallbackSource(db: DatabaseOrTransaction, { sourceSlug }: { sourceSlug: string }): Promise<DataSourceRow> {
  const slug = ZDataSourceSlug.safeParse(sourceSlug);
  if (!slug.success) throw new AppError('NOT_FOUND', 'Not found.');
  const [source] = await db
    .select()
    .from(dataSources)
    .where(and(eq(dataSources.slug, slug.data), eq(dataSources.kind, 'webhook'), eq(dataSources.isEnabled, true)));
  if (!source) throw new AppError('NOT_FOUND', 'Not found.');
  return source;
}
