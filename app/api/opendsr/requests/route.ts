import { createOpenDsrRequestOperation } from '@/lib/api/opendsr-operations';
import { openDsrRoute } from '@/lib/api/opendsr-route';

export const POST = openDsrRoute(createOpenDsrRequestOperation);
