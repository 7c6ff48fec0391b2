import type { z } from 'zod';
import { env } from '@/lib/env';
import { openDsrSubjectRequestTypes, type ZOpenDsrDiscovery } from '@/lib/validation/opendsr';
import { OPENDSR_API_VERSION } from './opendsr-status';

/** §6.3: what /api/opendsr/discovery answers. Public: it holds no data. */
export function describeOpenDsrService(): z.infer<typeof ZOpenDsrDiscovery> {
  return {
    api_version: OPENDSR_API_VERSION,
    // The email is how the requester is answered and confirms; hashed or device identities cannot be.
    supported_identities: [{ identity_type: 'email', identity_format: 'raw' }],
    supported_subject_request_types: [...openDsrSubjectRequestTypes],
    processor_certificate: `${env().APP_URL}/api/opendsr/processor-key.pem`,
  };
}
