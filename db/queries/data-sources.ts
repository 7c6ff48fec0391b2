import { asc, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client';
import { dataSources } from '../schema';

/** A data source by its slug; `forUpdate` locks the row for the rest of the transaction. */
export async function findDataSourceBySlug(db: DatabaseOrTransaction, { slug, forUpdate = false }: { slug: string; forUpdate?: boolean }) {
  const query = db.select().from(dataSources).where(eq(dataSources.slug, slug));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function listDataSourceRows(db: DatabaseOrTransaction) {
  return db.select().from(dataSources).orderBy(asc(dataSources.name), asc(dataSources.slug));
}
