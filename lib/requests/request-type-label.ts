import { type RequestType, requestTypeLabels } from '@/lib/validation/request-type';

export function requestTypeLabel(type: RequestType): string {
  const { title, description } = requestTypeLabels[type];
  return `${title} — ${description}`;
}
