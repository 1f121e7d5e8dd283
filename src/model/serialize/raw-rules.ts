// Rules and routes of the model back to their format-v1 form: protocol names, port text,
// CIDRs in canonical text, prefix lists by name when AWS manages them (as people write them).
import { formatPrefix } from '../../net/prefix.js';
import type { RawAclRule, RawRoute, RawSgRule } from '../format.js';
import type { AclRule, PortRange, Route, SgRule } from '../rules.js';
import type { Topology } from '../topology.js';

const PROTOCOL_NAMES: Readonly<Record<number, string>> = { [-1]: 'all', 1: 'icmp', 6: 'tcp', 17: 'udp', 58: 'icmpv6' };

/** A protocol number as written: its name when it has one, else the number. */
export function protocolText(protocol: number): string | number {
  return PROTOCOL_NAMES[protocol] ?? protocol;
}

/** Ports as written: omitted for all ports (and for protocol all), `443`, or `"1024-65535"`. */
export function portsField(protocol: number, ports: PortRange): { ports?: number | string } {
  if (protocol === -1 || (ports.from === 0 && ports.to === 65535)) return {};
  return { ports: ports.from === ports.to ? ports.from : `${ports.from}-${ports.to}` };
}

/** A prefix list reference: an AWS-managed list by its name, a customer list by id. */
export function prefixListRef(t: Topology, id: string): string {
  const pl = t.prefixLists.get(id);
  return pl?.managed && pl.name !== undefined ? pl.name : id;
}

/** A security group rule as written. */
export function sgRuleToRaw(t: Topology, r: SgRule): RawSgRule {
  const base = { protocol: protocolText(r.protocol), ...portsField(r.protocol, r.ports) };
  const peer =
    r.peer.kind === 'cidr'
      ? r.peer.prefix.family === 4 ? { cidr: formatPrefix(r.peer.prefix) } : { ipv6Cidr: formatPrefix(r.peer.prefix) }
      : r.peer.kind === 'prefixList'
        ? { prefixList: prefixListRef(t, r.peer.prefixList) }
        : { securityGroup: r.peer.securityGroup };
  return { ...base, ...peer, ...(r.description !== undefined ? { description: r.description } : {}) };
}

/** A network ACL entry as written. */
export function aclRuleToRaw(r: AclRule): RawAclRule {
  return {
    rule: r.rule,
    action: r.action,
    protocol: protocolText(r.protocol),
    ...portsField(r.protocol, r.ports),
    ...(r.cidr.family === 4 ? { cidr: formatPrefix(r.cidr) } : { ipv6Cidr: formatPrefix(r.cidr) }),
  };
}

/** A written route as written. */
export function routeToRaw(t: Topology, r: Route): RawRoute {
  const destination = r.destination.kind === 'cidr' ? formatPrefix(r.destination.prefix) : prefixListRef(t, r.destination.prefixList);
  const target = r.target.kind === 'resource' ? r.target.id : r.target.kind;
  return { destination, target };
}
