import { openDsrPublicKeyPem } from '@/lib/opendsr/opendsr-signing-key';

/** The public key OpenDSR answers and callbacks are signed with (discovery's processor_certificate). */
export function GET(): Response {
  return new Response(openDsrPublicKeyPem(), { headers: { 'content-type': 'application/x-pem-file' } });
}
