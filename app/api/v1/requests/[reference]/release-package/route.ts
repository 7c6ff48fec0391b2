import { apiRoute } from '@/lib/api/api-route';
import { releasePackageOperation } from '@/lib/api/v1-operations';

export const POST = apiRoute(releasePackageOperation);
