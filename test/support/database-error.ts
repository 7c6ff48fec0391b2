/**
 * The message PostgreSQL gave for a query that should fail (drizzle wraps it in a
 * "Failed query" error whose cause is the database's own), or 'no error' if it succeeded.
 */
export async function databaseError(query: Promise<unknown>): Promise<string> {
  const error = await query.then(
    () => null,
    (failure: unknown) => failure,
  );
  if (!(error instanceof Error)) return 'no error';
  return error.cause instanceof Error ? error.cause.message : error.message;
}
