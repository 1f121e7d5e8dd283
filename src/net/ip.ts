// IP addresses as compact immutable values: a family and a bigint. `ip-address` parses
// text at the boundary; the engine only ever compares and masks bigints.
import { Address4, Address6 } from 'ip-address';

/** An address family: IPv4 or IPv6. */
export type IpFamily = 4 | 6;

/** One IPv4 or IPv6 address, normalised once at load. */
export interface Ip {
  readonly family: IpFamily;
  readonly value: bigint;
}

/** Width in bits of an address of the family. */
export function familyWidth(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

/** Parse an address without a prefix length; undefined when the text is not one. */
export function parseIp(text: string): Ip | undefined {
  // Cheap shape checks first: ip-address validates by throwing, which is slow on names.
  if (text.includes('/') || !/^[0-9a-fA-F.:]+$/.test(text) || !/[.:]/.test(text)) return undefined;
  if (Address4.isValid(text)) return { family: 4, value: new Address4(text).bigInt() };
  if (text.includes(':') && Address6.isValid(text)) {
    return { family: 6, value: new Address6(text).bigInt() };
  }
  return undefined;
}

/**
 * Why text that is shaped like an address is not one (`10.2.1.999`, `010.002.001.004`,
 * `1::2::3`), or undefined when it is a valid address or not address-shaped at all. Such
 * text is a mistyped address, never a DNS name: no DNS name has only numeric labels.
 */
export function malformedAddress(text: string): string | undefined {
  if (parseIp(text)) return undefined;
  if (/^\d+(\.\d+)+$/.test(text)) {
    const parts = text.split('.');
    if (parts.length !== 4) return `"${text.slice(0, 60)}" is not an IPv4 address: it has ${parts.length} parts, not 4`;
    const zero = parts.find((p) => p.length > 1 && p.startsWith('0'));
    if (zero) return `"${text}" is not an IPv4 address: "${zero}" has a leading zero (octal in some tools, decimal in others); write ${parts.map((p) => String(Number(p))).join('.')}`;
    const big = parts.find((p) => Number(p) > 255);
    return `"${text}" is not an IPv4 address: ${big ?? 'a part'} is over 255`;
  }
  if (text.includes(':') && /^[0-9a-fA-F:.]+$/.test(text)) return `"${text.slice(0, 60)}" is not an IPv6 address`;
  return undefined;
}

/** Canonical text of an address (dotted quad, or RFC 5952 for IPv6). */
export function formatIp(ip: Ip): string {
  if (ip.family === 4) {
    const v = Number(ip.value);
    return `${(v >>> 24) & 255}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  }
  let text = v6Text.get(ip.value);
  if (text === undefined) {
    text = Address6.fromBigInt(ip.value).correctForm();
    if (v6Text.size > 4096) v6Text.clear();
    v6Text.set(ip.value, text);
  }
  return text;
}

// IPv6 text is costly to make; a bounded cache of recent ones (pure: same input, same text).
const v6Text = new Map<bigint, string>();

/** Value equality of two addresses. */
export function ipEquals(a: Ip, b: Ip): boolean {
  return a.family === b.family && a.value === b.value;
}

/** A string key for maps: same address, same key. */
export function ipKey(ip: Ip): string {
  return `${ip.family}:${ip.value.toString(16)}`;
}

/** The address `offset` places after `ip` (no wrap-around checks: callers stay in a prefix). */
export function ipAdd(ip: Ip, offset: bigint): Ip {
  return { family: ip.family, value: ip.value + offset };
}
