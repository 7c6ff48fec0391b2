import { apiRoute } from '@/lib/api/api-route';
import { addNoteOperation } from '@/lib/api/v1-operations';

export const POST = apiRoute(addNoteOperation);
