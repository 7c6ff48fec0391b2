import { decryptSecret, encryptSecret } from '@/lib/security/secret-box';

/** Bound into each ciphertext: an address encrypted for one incident cannot be passed off as another's, or as a source secret. */
const purpose = (incidentId: string) => `incident-affected:${incidentId}`;

/** An affected person's address as stored: AES-256-GCM under the app's encryption key (as data-source connection strings are). */
export function encryptAffectedEmail(incidentId: string, email: string): string {
  return encryptSecret(email, purpose(incidentId));
}

export function decryptAffectedEmail(incidentId: string, ciphertext: string): string {
  return decryptSecret(ciphertext, purpose(incidentId));
}
