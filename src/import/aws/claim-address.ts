// Addresses written to the output must load: inside their subnet, not one of the five AWS
// reserves in every subnet ("Subnet CIDR blocks", Amazon VPC guide), and held by one
// resource only (vpcsim's model keeps one holder per address across the whole file, as
// assign-addresses.ts does). An address that fails is left out with a warning, and vpcsim
// assigns the interface one itself.
import { formatIp, ipKey, parseIp } from '../../net/ip.js';
import { prefixContains, prefixSize } from '../../net/prefix.js';
import { parseCidr } from './normalise-cidr.js';
import type { ImportContext } from './context.js';
import type { Src } from './json-reader.js';

/** Why an address cannot be written, or undefined when it can (and is now claimed). */
export function claimAddress(
  ctx: ImportContext,
  text: string,
  owner: string,
  subnet: { readonly id: string; readonly cidr: string } | undefined,
  space: 'private' | 'public',
): string | undefined {
  const ip = parseIp(text);
  if (!ip) return `"${text}" is not an IP address`;
  if (subnet) {
    const p = parseCidr(subnet.cidr);
    if (p) {
      if (p.family !== ip.family || !prefixContains(p, ip)) return `${text} is outside subnet ${subnet.id} (${subnet.cidr})`;
      const offset = ip.value - p.network;
      if (p.family === 4 && (offset < 4n || offset === prefixSize(p) - 1n)) {
        return `${text} is one of the five addresses AWS reserves in subnet ${subnet.id} (${subnet.cidr})`;
      }
    }
  }
  const key = `${space}:${ipKey(ip)}`;
  const holder = ctx.addresses.get(key);
  if (holder !== undefined && holder !== owner) return `${formatIp(ip)} is already the address of ${holder}`;
  ctx.addresses.set(key, owner);
  return undefined;
}

/** One address to write: whose, where, what kind, and where the snapshot gives it. */
export interface AddressClaim {
  readonly text: string;
  readonly owner: string;
  readonly subnet: { readonly id: string; readonly cidr: string } | undefined;
  readonly space: 'private' | 'public';
  /** What the address is, for the message: "private IP", "public IP", "IPv6 address". */
  readonly what: string;
  readonly src: Src;
  readonly path: string;
}

/** Claim an address, or warn ADDRESS_LEFT_OUT; returns whether it may be written. */
export function addressOrWarn(ctx: ImportContext, c: AddressClaim): boolean {
  const why = claimAddress(ctx, c.text, c.owner, c.subnet, c.space);
  if (why === undefined) return true;
  ctx.problems.warn('ADDRESS_LEFT_OUT', c.owner, c.src.file, c.path,
    `${c.what} of ${c.owner} is left out: ${why}; vpcsim gives it an address of its own, so flows naming ${c.text} do not reach it`);
  return false;
}
