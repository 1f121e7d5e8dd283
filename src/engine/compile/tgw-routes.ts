// Transit gateway lookups, compiled once per topology: which table each attachment is
// associated with (per gateway: a peering attachment has one on each side), each VPC's
// attachment to a gateway, and route lookup. A table picks the most specific route; among
// routes to the same destination, a static route, then a prefix list reference, then
// propagated routes, of VPC attachments before Direct Connect gateways before VPN ("Route
// evaluation order", How AWS Transit Gateway works, Transit Gateways guide).
import type { Ip } from '../../net/ip.js';
import { prefixContains, type Prefix } from '../../net/prefix.js';
import type { TgwAttachmentType, TgwRoute, TgwVpcAttachment } from '../../model/resources.js';
import type { Topology } from '../../model/topology.js';

/** A route a transit gateway table sends a packet by, and the prefix that matched. */
export interface TgwHit {
  readonly route: TgwRoute;
  readonly prefix: Prefix;
}

/** Compiled transit gateway lookups. */
export interface TgwIndex {
  /** `<gateway> <attachment>` -> the route table the attachment is associated with there. */
  readonly association: ReadonlyMap<string, string>;
  /** `<gateway> <vpc>` -> the VPC's attachment to that gateway. */
  readonly vpcAttachment: ReadonlyMap<string, TgwVpcAttachment>;
  readonly routeFor: (table: string, dst: Ip) => TgwHit | undefined;
}

/** The order of propagated routes to one destination by the attachment type that propagated them (lower first). */
export function propagationRank(type: TgwAttachmentType): number {
  switch (type) {
    case 'vpc': return 0;
    // Peering attachments never propagate (the builder refuses it): last, should one appear.
    case 'peering': return 9;
    default: {
      const never: never = type;
      return never;
    }
  }
}

function rank(r: TgwRoute): number {
  switch (r.origin) {
    case 'static': return 0;
    case 'prefixList': return 1;
    case 'propagated': return 2 + propagationRank(r.propagatedFrom ?? 'vpc');
    default: {
      const never: never = r.origin;
      return never;
    }
  }
}

interface Entry {
  readonly prefix: Prefix;
  readonly route: TgwRoute;
  readonly rank: number;
}

/** Build the lookups of a topology's transit gateways. */
export function buildTgwIndex(t: Topology): TgwIndex {
  const association = new Map<string, string>();
  const entries = new Map<string, Entry[]>();
  for (const table of t.transitGatewayRouteTables.values()) {
    for (const a of table.associations) association.set(`${table.transitGateway} ${a}`, table.id);
    const list: Entry[] = [];
    for (const route of table.routes) {
      const prefixes = route.destination.kind === 'cidr' ? [route.destination.prefix] : (t.prefixLists.get(route.destination.prefixList)?.entries ?? []);
      for (const prefix of prefixes) list.push({ prefix, route, rank: rank(route) });
    }
    list.sort((a, b) => b.prefix.length - a.prefix.length || a.rank - b.rank || a.route.index - b.route.index);
    entries.set(table.id, list);
  }
  const vpcAttachment = new Map<string, TgwVpcAttachment>();
  for (const a of t.transitGatewayAttachments.values()) {
    if (a.type !== 'vpc') continue;
    const key = `${a.transitGateway} ${a.vpc}`;
    const known = vpcAttachment.get(key);
    if (!known || (known.state !== 'available' && a.state === 'available')) vpcAttachment.set(key, a);
  }
  const routeFor = (table: string, dst: Ip): TgwHit | undefined => {
    for (const e of entries.get(table) ?? []) if (e.prefix.family === dst.family && prefixContains(e.prefix, dst)) return { route: e.route, prefix: e.prefix };
    return undefined;
  };
  return { association, vpcAttachment, routeFor };
}
