import { asc, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client';
import { jurisdictionPolicies } from '../schema';

export async function listJurisdictionPolicies(db: DatabaseOrTransaction) {
  return db.select().from(jurisdictionPolicies).orderBy(asc(jurisdictionPolicies.sortOrder), asc(jurisdictionPolicies.code));
}

export async function findJurisdictionPolicy(db: DatabaseOrTransaction, { code }: { code: string }) {
  const [row] = await db.select().from(jurisdictionPolicies).where(eq(jurisdictionPolicies.code, code));
  return row ?? null;
}
