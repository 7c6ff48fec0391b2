import { apiRoute } from '@/lib/api/api-route';
import { rejectRequestOperation } from '@/lib/api/v1-operations';

export const POST = apiRoute(rejectRequestOperation);
