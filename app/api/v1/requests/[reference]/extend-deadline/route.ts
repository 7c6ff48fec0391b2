import { apiRoute } from '@/lib/api/api-route';
import { extendDeadlineOperation } from '@/lib/api/v1-operations';

export const POST = apiRoute(extendDeadlineOperation);
