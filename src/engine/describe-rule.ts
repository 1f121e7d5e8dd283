// Rules and routes in words, for hop details: "egress rule 2 (tcp 443 to 0.0.0.0/0)".
import { formatPrefix } from '../net/prefix.js';
import type { AclRule, PortRange, Route, SgRule } from '../model/rules.js';
import type { Topology } from '../model/topology.js';
import type { TgwRoute } from '../model/resources.js';
import { protocolName } from './packet.js';

function ports(p: PortRange): string {
  if (p.from === 0 && p.to === 65535) return 'all ports';
  return p.from === p.to ? `port ${p.from}` : `ports ${p.from}-${p.to}`;
}

function traffic(protocol: number, range: PortRange): string {
  if (protocol === -1) return 'all traffic';
  if (protocol === 1 || protocol === 58) {
    // For ICMP the range holds ICMP types.
    const all = range.from === 0 && range.to === 65535;
    const types = all ? 'all types' : range.from === range.to ? `type ${range.from}` : `types ${range.from}-${range.to}`;
    return `${protocolName(protocol)} ${types}`;
  }
  return `${protocolName(protocol)} ${ports(range)}`;
}

/** "egress rule 2 (tcp port 443 to 0.0.0.0/0)", or AWS's implicit rules by name. */
export function describeSgRule(rule: SgRule, topology: Topology): string {
  const toFrom = rule.direction === 'egress' ? 'to' : 'from';
  const peer =
    rule.peer.kind === 'cidr'
      ? formatPrefix(rule.peer.prefix)
      : rule.peer.kind === 'prefixList'
        ? `prefix list ${rule.peer.prefixList}${nameOf(topology, rule.peer.prefixList)}`
        : `members of ${rule.peer.securityGroup}`;
  const what = `${traffic(rule.protocol, rule.ports)} ${toFrom} ${peer}`;
  return rule.written ? `${rule.direction} rule ${rule.index} (${what})` : `${rule.description ?? 'implicit rule'} (${what})`;
}

function nameOf(topology: Topology, id: string): string {
  const name = topology.prefixLists.get(id)?.name;
  return name && name !== id ? ` (${name})` : '';
}

/** "egress rule 100 allow (tcp ports 1024-65535 to 0.0.0.0/0)". */
export function describeAclRule(rule: AclRule): string {
  const toFrom = rule.direction === 'egress' ? 'to' : 'from';
  const label = rule.written ? `${rule.direction} rule ${rule.rule}` : `default ${rule.direction} rule ${rule.rule}`;
  return `${label} ${rule.action} (${traffic(rule.protocol, rule.ports)} ${toFrom} ${formatPrefix(rule.cidr)})`;
}

const PROPAGATION_WORDS = { directConnect: 'Direct Connect BGP', vpnStatic: 'VPN static route', vpnBgp: 'VPN BGP' } as const;

/** "route 0.0.0.0/0 -> igw-main" or "route pl-63a5400a (com.amazonaws.us-east-1.s3) -> vpce-s3". */
/** A transit gateway route in words: "route 10.0.0.0/16 -> att-prod (propagated from a vpc attachment)". */
export function describeTgwRoute(route: TgwRoute, topology: Topology): string {
  const dest = route.destination.kind === 'cidr'
    ? formatPrefix(route.destination.prefix)
    : `${route.destination.prefixList}${nameOf(topology, route.destination.prefixList)}`;
  const target = route.target.kind === 'attachment' ? route.target.attachment : 'blackhole';
  const origin = route.origin === 'propagated' ? ` (propagated from a ${route.propagatedFrom ?? 'vpc'} attachment)` : route.origin === 'prefixList' ? ' (prefix list reference)' : ' (static)';
  return `route ${dest} -> ${target}${origin}`;
}

export function describeRoute(route: Route, topology: Topology): string {
  const dest = route.destination.kind === 'cidr'
    ? formatPrefix(route.destination.prefix)
    : `${route.destination.prefixList}${nameOf(topology, route.destination.prefixList)}`;
  const target = route.target.kind === 'resource' ? route.target.id : route.target.kind;
  const origin = route.origin === 'local' ? ' (implicit local route)' : route.origin === 'gatewayEndpoint' ? ' (added by the gateway endpoint)'
    : route.origin === 'propagated' ? ` (propagated: ${PROPAGATION_WORDS[route.propagation?.from ?? 'vpnBgp']} over ${route.propagation?.connections.join(', ') ?? ''})`
    : route.replacesLocal ? ' (replaces the local route for this VPC block)' : '';
  return `route ${dest} -> ${target}${origin}`;
}
