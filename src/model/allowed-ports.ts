// The ports of `only: { ports: [...] }` and of a segment rule, as written: `443`, `"8000-8010"`,
// or with a protocol, `"udp/53"`, `"icmp/8"`, `"tcp/1024-65535"`. A port without a protocol
// is one of the check's protocol (TCP when it names none). Ranges are inclusive, as in
// security group rules; TCP and UDP ports are 1-65535, ICMP types 0-255.
import type { Span } from './span.js';

/** Protocols a port list may name. */
export const PORTED_PROTOCOLS = ['tcp', 'udp', 'icmp'] as const;

/** A protocol with ports (or ICMP types). */
export type PortedProtocol = (typeof PORTED_PROTOCOLS)[number];

/** One entry of a port list: a protocol and an inclusive range, with what was written and where. */
export interface PortAllowance {
  readonly protocol: PortedProtocol;
  readonly from: number;
  readonly to: number;
  /** As written, for `vpcsim fmt`. */
  readonly written: number | string;
  readonly span: Span;
}

/** A written entry as a protocol and range, or why it is not one. */
export function parseAllowance(written: number | string, protocol: string): { protocol: PortedProtocol; from: number; to: number } | { problem: string } {
  const text = String(written).trim();
  const m = /^(?:([a-z]+)\/)?(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  if (!m) return { problem: `"${text}" is not a port, a range A-B, or protocol/port (udp/53, tcp/8000-8010)` };
  const named = m[1];
  if (named !== undefined && !(PORTED_PROTOCOLS as readonly string[]).includes(named)) {
    return { problem: `"${named}" in "${text}" is not a protocol with ports (tcp, udp or icmp)` };
  }
  const p = named ?? protocol;
  if (!(PORTED_PROTOCOLS as readonly string[]).includes(p)) {
    return { problem: `"${text}" names no protocol, and the check's protocol ${p} has no ports: write tcp/${text} or udp/${text}` };
  }
  const from = Number(m[2]);
  const to = m[3] !== undefined ? Number(m[3]) : from;
  const [min, max] = p === 'icmp' ? [0, 255] : [1, 65535];
  if (from < min || to > max) return { problem: `"${text}" is outside ${p === 'icmp' ? 'ICMP types 0-255' : `${p} ports 1-65535`}` };
  if (from > to) return { problem: `"${text}" is an empty range (${from} > ${to})` };
  return { protocol: p as PortedProtocol, from, to };
}

/** `tcp/443`, `udp/1024-65535`: an allowance the way reports write it. */
export function allowanceText(a: Pick<PortAllowance, 'protocol' | 'from' | 'to'>): string {
  return `${a.protocol}/${a.from === a.to ? a.from : `${a.from}-${a.to}`}`;
}
