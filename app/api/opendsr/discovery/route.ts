import { describeOpenDsrService } from '@/lib/opendsr/describe-opendsr-service';

export function GET(): Response {
  return Response.json(describeOpenDsrService());
}
