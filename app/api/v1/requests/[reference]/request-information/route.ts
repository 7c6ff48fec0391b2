import { apiRoute } from '@/lib/api/api-route';
import { requestInformationOperation } from '@/lib/api/v1-operations';

export const POST = apiRoute(requestInformationOperation);
