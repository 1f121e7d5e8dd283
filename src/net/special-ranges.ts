// Address ranges that are never hosts on the public internet (RFC 6890 special-purpose
// registries, abridged). A packet addressed to one of them and sent out through an
// internet gateway has nowhere to go.
import { isPrefix, parsePrefix, prefixContains, type Prefix } from './prefix.js';
import type { Ip } from './ip.js';

/** The special-purpose ranges that are never public hosts, both families. */
export const NON_PUBLIC: readonly Prefix[] = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12',
  '192.0.0.0/24', '192.168.0.0/16', '224.0.0.0/4', '240.0.0.0/4',
  '::/128', '::1/128', 'fc00::/7', 'fe80::/10', 'ff00::/8',
].map((t) => parsePrefix(t)).filter(isPrefix);

/**
 * Whether an address can be a host on the public internet. The documentation ranges
 * (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and 198.18.0.0/15 count as public here:
 * files and vpcsim's own stand-in addresses use them for internet hosts and AWS services.
 */
export function isPublicAddress(ip: Ip): boolean {
  return !NON_PUBLIC.some((p) => prefixContains(p, ip));
}
