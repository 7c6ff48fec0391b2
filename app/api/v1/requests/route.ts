import { apiRoute } from '@/lib/api/api-route';
import { fileRequestOperation, listRequestsOperation } from '@/lib/api/v1-operations';

export const POST = apiRoute(fileRequestOperation);
export const GET = apiRoute(listRequestsOperation);
