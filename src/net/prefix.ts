// CIDR prefixes as compact values: network address, length and a precomputed mask.
import { Address4, Address6 } from 'ip-address';
import { familyWidth, formatIp, type Ip, type IpFamily } from './ip.js';

/** A CIDR block, masked to its network address. */
export interface Prefix {
  readonly family: IpFamily;
  /** The network address, host bits zero. */
  readonly network: bigint;
  readonly length: number;
  /** All-ones in the network bits. */
  readonly mask: bigint;
}

/** Why a CIDR text was refused. */
export type PrefixParseError =
  | { readonly kind: 'invalid' }
  | { readonly kind: 'hostBitsSet'; readonly network: string };

/** The mask of a prefix length in a family. */
export function maskOf(family: IpFamily, length: number): bigint {
  const width = familyWidth(family);
  const all = (1n << BigInt(width)) - 1n;
  return length === 0 ? 0n : (all >> BigInt(width - length)) << BigInt(width - length);
}

/** Build a prefix from an address and length, masking host bits away. */
export function makePrefix(family: IpFamily, value: bigint, length: number): Prefix {
  const mask = maskOf(family, length);
  return { family, network: value & mask, length, mask };
}

/** Parse `a.b.c.d/n` or `x::/n`. Host bits set is an error that names the network address. */
export function parsePrefix(text: string): Prefix | PrefixParseError {
  const slash = text.indexOf('/');
  if (slash < 0 || !/^\d{1,3}$/.test(text.slice(slash + 1))) return { kind: 'invalid' };
  const length = Number(text.slice(slash + 1));
  const addr = text.slice(0, slash);
  let family: IpFamily;
  let value: bigint;
  if (Address4.isValid(addr) && !addr.includes(':')) {
    if (length > 32) return { kind: 'invalid' };
    family = 4;
    value = new Address4(addr).bigInt();
  } else if (addr.includes(':') && Address6.isValid(addr)) {
    if (length > 128) return { kind: 'invalid' };
    family = 6;
    value = new Address6(addr).bigInt();
  } else {
    return { kind: 'invalid' };
  }
  const prefix = makePrefix(family, value, length);
  if (prefix.network !== value) {
    return { kind: 'hostBitsSet', network: formatPrefix(prefix) };
  }
  return prefix;
}

/** True when the value is a parsed prefix rather than an error. */
export function isPrefix(p: Prefix | PrefixParseError): p is Prefix {
  // The host-bits error carries a `network` text too; only errors have a `kind`.
  return !('kind' in p);
}

/** Canonical CIDR text. */
export function formatPrefix(p: Prefix): string {
  return `${formatIp({ family: p.family, value: p.network })}/${p.length}`;
}

/** Whether the prefix holds the address. */
export function prefixContains(p: Prefix, ip: Ip): boolean {
  return p.family === ip.family && (ip.value & p.mask) === p.network;
}

/** Whether `outer` holds every address of `inner`. */
export function prefixCovers(outer: Prefix, inner: Prefix): boolean {
  return (
    outer.family === inner.family &&
    outer.length <= inner.length &&
    (inner.network & outer.mask) === outer.network
  );
}

/** Whether two prefixes share any address. */
export function prefixesOverlap(a: Prefix, b: Prefix): boolean {
  return prefixCovers(a, b) || prefixCovers(b, a);
}

/** Number of addresses in the prefix. */
export function prefixSize(p: Prefix): bigint {
  return 1n << BigInt(familyWidth(p.family) - p.length);
}

/** The whole address space of a family (0.0.0.0/0 or ::/0). */
export function anyPrefix(family: IpFamily): Prefix {
  return makePrefix(family, 0n, 0);
}
