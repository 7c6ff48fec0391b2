import { apiRoute } from '@/lib/api/api-route';
import { getRequestOperation } from '@/lib/api/v1-operations';

export const GET = apiRoute(getRequestOperation);
