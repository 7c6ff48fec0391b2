import { cancelOpenDsrRequestOperation, getOpenDsrRequestOperation } from '@/lib/api/opendsr-operations';
import { openDsrRoute } from '@/lib/api/opendsr-route';

export const GET = openDsrRoute(getOpenDsrRequestOperation);
export const DELETE = openDsrRoute(cancelOpenDsrRequestOperation);
