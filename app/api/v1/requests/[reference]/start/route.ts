import { apiRoute } from '@/lib/api/api-route';
import { startWorkOperation } from '@/lib/api/v1-operations';

export const POST = apiRoute(startWorkOperation);
