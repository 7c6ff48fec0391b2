import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { isPrivateAddress } from './private-address';

/** A connection refused because its host is, or resolves to, a private or local address. */
export class PrivateTargetError extends Error {
  readonly code = 'EPRIVATETARGET';

  constructor(host: string, address: string) {
    super(
      `${host === address ? address : `${host} resolves to ${address}, which`} is a private or local address. Only an admin can allow private targets (Settings → Data sources).`,
    );
    this.name = 'PrivateTargetError';
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls/undici connections that refuses the connection when any
 * address the name resolves to is private. The addresses checked are the ones
 * connected to, in the same call, so a name that resolves to a public address when
 * the source is saved and to 127.0.0.1 a moment later (DNS rebinding) is still refused.
 */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    if (refused) return callback(new PrivateTargetError(hostname, refused.address), []);
    if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
    if (options.all) return callback(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

/** An IP written in the URL is connected to without any lookup: it is checked here instead. */
export function assertPublicLiteral(host: string): void {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0 && isPrivateAddress(bare)) throw new PrivateTargetError(bare, bare);
}

/**
 * For saving a source: every address `host` has now, checked. A private one is
 * refused with a message for the form; a name that does not resolve is left to the
 * connection (or the worker) to report, as before.
 */
export async function assertPublicHost(host: string): Promise<void> {
  const bare = host.replace(/^\[|\]$/g, '');
  assertPublicLiteral(bare);
  if (isIP(bare) !== 0) return;
  let addresses: LookupAddress[];
  try {
    addresses = await dns.promises.lookup(bare, { all: true });
  } catch {
    return;
  }
  const refused = addresses.find((entry) => isPrivateAddress(entry.address));
  if (refused) throw new PrivateTargetError(bare, refused.address);
}
