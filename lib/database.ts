/**
 * The one door from app/ to the database: pages, actions and routes take the
 * handle here and pass it to a use case, which does the querying.
 */
export { getDb } from '@/db/client';
export { isDatabaseUnavailable } from '@/db/database-unavailable';
