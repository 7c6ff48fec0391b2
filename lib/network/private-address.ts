import { BlockList, isIP } from 'node:net';

/**
 * Addresses a data source may not point at unless an admin allows private targets:
 * loopback, private networks (RFC 1918, unique local), link-local (cloud metadata
 * services live at 169.254.169.254), carrier-grade NAT, "this host", multicast,
 * reserved and documentation ranges, and IPv4 written as IPv6 (mapped) so none of
 * the above slips through in another spelling.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

// Kept apart: BlockList matches IPv4 addresses against an IPv4-mapped IPv6 rule.
const mapped = new BlockList();
mapped.addSubnet('::ffff:0:0', 96, 'ipv6');

/** True for an address in any range above; anything that is not an IP address at all counts as private too. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 4) return blocked.check(address, 'ipv4');
  // ::ffff:a.b.c.d (or ::ffff:7f00:1) is an IPv4 address: judge it as one.
  if (mapped.check(address, 'ipv6')) return isPrivateAddress(mappedIpv4(address));
  return blocked.check(address, 'ipv6');
}

function mappedIpv4(address: string): string {
  // The URL parser writes an IPv6 address in one canonical form, ending in two hex groups here.
  const [high = 0, low = 0] = new URL(`http://[${address}]/`).hostname
    .slice(1, -1)
    .split(':')
    .slice(-2)
    .map((group) => Number.parseInt(group, 16));
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}
