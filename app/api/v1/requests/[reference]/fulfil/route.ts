import { apiRoute } from '@/lib/api/api-route';
import { fulfilRequestOperation } from '@/lib/api/v1-operations';

export const POST = apiRoute(fulfilRequestOperation);
