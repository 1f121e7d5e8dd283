// What every build step shares: the source map, the diagnostics being collected, the id
// registry, and helpers that parse a value or resolve a reference and report, positioned,
// when they cannot.
import { parseIp, type Ip } from '../../net/ip.js';
import { formatPrefix, isPrefix, parsePrefix, type Prefix } from '../../net/prefix.js';
import type { Diagnostic, Severity } from '../diagnostic.js';
import type { DiagnosticCode } from '../diagnostic-codes.js';
import type { ResourceKind } from '../resources.js';
import { PROTOCOL, type PortRange, type ProtocolNumber } from '../rules.js';
import type { SourceMap } from '../source-map.js';
import { didYouMean } from '../suggest.js';

/** Where an id was declared, and what it is. */
export interface IdEntry {
  readonly kind: ResourceKind;
  readonly pointer: string;
  /** The VPC it belongs to, for VPC-scoped resources. */
  readonly vpc: string | undefined;
}

/** Shared state of one topology build. */
export interface BuildContext {
  readonly file: string;
  readonly map: SourceMap;
  readonly diagnostics: Diagnostic[];
  readonly ids: Map<string, IdEntry>;
  readonly region: string;
}

/** Human names of kinds, for messages. */
export const KIND_NAMES: Record<ResourceKind, string> = {
  account: 'account',
  vpc: 'VPC',
  subnet: 'subnet',
  routeTable: 'route table',
  internetGateway: 'internet gateway',
  egressOnlyInternetGateway: 'egress-only internet gateway',
  unmodelled: 'unmodelled route target',
  natGateway: 'NAT gateway',
  securityGroup: 'security group',
  networkAcl: 'network ACL',
  instance: 'instance',
  networkInterface: 'network interface',
  loadBalancer: 'load balancer',
  targetGroup: 'target group',
  endpointService: 'endpoint service',
  endpoint: 'VPC endpoint',
  peeringConnection: 'peering connection',
  prefixList: 'prefix list',
  internetHost: 'internet host',
  transitGateway: 'transit gateway',
  transitGatewayAttachment: 'transit gateway attachment',
  transitGatewayRouteTable: 'transit gateway route table',
  virtualPrivateGateway: 'virtual private gateway',
  customerGateway: 'customer gateway',
  vpnConnection: 'VPN connection',
  directConnectGateway: 'Direct Connect gateway',
  onPremisesNetwork: 'on-premises network',
  onPremisesHost: 'on-premises host',
  hostedZone: 'private hosted zone',
  resolverEndpoint: 'Resolver endpoint',
  resolverRule: 'Resolver rule',
  dnsServer: 'DNS server',
};

/** "Did you mean" is computed for this many problems per file, then skipped (hostile input). */
export const MAX_SUGGESTIONS = 200;

/**
 * ` (did you mean "x"?)` for an unknown name, bounded so that a file with thousands of bad
 * references (or a megabyte-long one) cannot make loading quadratic.
 */
export function suggestFor(ctx: BuildContext, word: string, candidates: () => Iterable<string>): string {
  if (ctx.diagnostics.length >= MAX_SUGGESTIONS || word.length > 128) return '';
  const near = [...candidates()].filter((c) => Math.abs(c.length - word.length) <= Math.max(2, word.length / 3));
  return didYouMean(word, near);
}

/** Record a diagnostic at a pointer's value (or key). */
export function report(
  ctx: BuildContext,
  code: DiagnosticCode,
  message: string,
  pointer: string,
  part: 'key' | 'value' = 'value',
  severity: Severity = 'error',
): void {
  const span = part === 'key' ? ctx.map.keyAt(pointer) : ctx.map.valueAt(pointer);
  ctx.diagnostics.push({ code, severity, message, span });
}

/** Parse a CIDR; report INVALID_CIDR or CIDR_HOST_BITS (naming the network address). */
export function cidrAt(ctx: BuildContext, text: string, pointer: string, family?: 4 | 6): Prefix | undefined {
  const p = parsePrefix(text);
  if (!isPrefix(p)) {
    if (p.kind === 'hostBitsSet') {
      report(ctx, 'CIDR_HOST_BITS', `"${text}" has host bits set; the network address is ${p.network}`, pointer);
    } else {
      report(ctx, 'INVALID_CIDR', `"${text}" is not a CIDR block (like 10.0.0.0/16 or 2600:1f18::/56)`, pointer);
    }
    return undefined;
  }
  if (family !== undefined && p.family !== family) {
    report(ctx, 'ROUTE_FAMILY_MISMATCH', `"${formatPrefix(p)}" is IPv${p.family}; IPv${family} belongs here`, pointer);
    return undefined;
  }
  return p;
}

/** Parse an address; report INVALID_IP. */
export function ipAt(ctx: BuildContext, text: string, pointer: string, family?: 4 | 6): Ip | undefined {
  const ip = parseIp(text);
  if (!ip) {
    report(ctx, 'INVALID_IP', `"${text}" is not an IP address`, pointer);
    return undefined;
  }
  if (family !== undefined && ip.family !== family) {
    report(ctx, 'INVALID_IP', `"${text}" is IPv${ip.family}; an IPv${family} address belongs here`, pointer);
    return undefined;
  }
  return ip;
}

/**
 * Resolve a reference: the id must exist and be one of `kinds`; with `vpc`, it must be in
 * that VPC. Reports UNKNOWN_REFERENCE (with "did you mean"), WRONG_REFERENCE_KIND or
 * CROSS_VPC_REFERENCE and returns false.
 */
export function refAt(
  ctx: BuildContext,
  id: string,
  pointer: string,
  kinds: readonly ResourceKind[],
  vpc?: string,
): boolean {
  const entry = ctx.ids.get(id);
  const wanted = kinds.map((k) => KIND_NAMES[k]).join(' or ');
  if (!entry) {
    const candidates = (): string[] => [...ctx.ids.entries()].filter(([, e]) => kinds.includes(e.kind)).map(([k]) => k);
    report(ctx, 'UNKNOWN_REFERENCE', `no ${wanted} "${id}"${suggestFor(ctx, id, candidates)}`, pointer);
    return false;
  }
  if (!kinds.includes(entry.kind)) {
    report(ctx, 'WRONG_REFERENCE_KIND', `"${id}" is ${article(KIND_NAMES[entry.kind])}; ${article(wanted)} belongs here`, pointer);
    return false;
  }
  if (vpc !== undefined && entry.vpc !== undefined && entry.vpc !== vpc) {
    report(
      ctx,
      'CROSS_VPC_REFERENCE',
      `${KIND_NAMES[entry.kind]} "${id}" is in VPC "${entry.vpc}", not in "${vpc}"`,
      pointer,
    );
    return false;
  }
  return true;
}

/** "a subnet", "an internet gateway". */
export function article(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** Protocol name or number -> IANA number (-1 for all). */
export function protocolNumber(raw: string | number): ProtocolNumber {
  if (typeof raw === 'number') return raw;
  return PROTOCOL[raw as keyof typeof PROTOCOL] ?? -1;
}

/** All ports. */
export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

/**
 * Parse `443` or `"1024-65535"`; report PORT_RANGE. Omitted means all. For ICMP and ICMPv6
 * the range is of ICMP types, 0-255 (IpPermission FromPort/ToPort: "the ICMP type number";
 * ICMP types are one octet, RFC 792 / RFC 4443).
 */
export function portsAt(ctx: BuildContext, raw: number | string | undefined, pointer: string, protocol?: ProtocolNumber): PortRange | undefined {
  if (raw === undefined) return ALL_PORTS;
  const text = String(raw).trim();
  const m = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(text);
  const from = m ? Number(m[1]) : NaN;
  const to = m ? Number(m[2] ?? m[1]) : NaN;
  if (!m || from > 65535 || to > 65535 || from > to) {
    report(ctx, 'PORT_RANGE', `"${text}" is not a port (0-65535) or a range "from-to" with from <= to`, pointer);
    return undefined;
  }
  if ((protocol === PROTOCOL.icmp || protocol === PROTOCOL.icmpv6) && to > 255) {
    report(ctx, 'PORT_RANGE', `"${text}": for ICMP, ports are ICMP types, 0-255`, pointer);
    return undefined;
  }
  return { from, to };
}
