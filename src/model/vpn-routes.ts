// What each side of a site-to-site VPN or a Direct Connect gateway knows of the other: the
// on-premises prefixes a virtual private gateway learns (and propagates into route tables),
// and the VPC prefixes AWS advertises to an on-premises network over a connection. One place
// for both, so the route tables the loader fills and the gateway the walk crosses agree.
//
// - A static VPN's prefixes are its static routes (CreateVpnConnectionRoute); a BGP VPN's are
//   what its customer gateway advertises: the CIDR blocks of the on-premises networks that
//   name the connection ("Site-to-Site VPN routing options", Site-to-Site VPN guide).
// - A Direct Connect gateway carries the CIDR blocks of the on-premises networks that name it
//   (BGP over the virtual interface) to every gateway associated with it.
// - Toward on-premises, a virtual private gateway advertises its VPC's CIDR blocks; over a
//   Direct Connect gateway only the VPC blocks its allowed prefixes cover ("Allowed prefixes
//   interactions", Direct Connect guide: the list is a filter, and the whole VPC block must fit
//   in one allowed prefix). vpcsim does not model VPN CloudHub: a gateway advertises no
//   on-premises prefix back to on-premises.
import { prefixCovers, type Prefix } from '../net/prefix.js';
import type { DirectConnectGateway, OnPremisesNetwork, VirtualPrivateGateway, Vpc, VpnConnection } from './resources.js';

/** The maps the answers are computed over (a Topology has them; so has the loader mid-build). */
export interface VpnWorld {
  readonly vpcs: ReadonlyMap<string, Vpc>;
  readonly virtualPrivateGateways: ReadonlyMap<string, VirtualPrivateGateway>;
  readonly vpnConnections: ReadonlyMap<string, VpnConnection>;
  readonly directConnectGateways: ReadonlyMap<string, DirectConnectGateway>;
  readonly onPremisesNetworks: ReadonlyMap<string, OnPremisesNetwork>;
}

/** How a gateway learned an on-premises prefix, most preferred first (VPN guide, "Route priority"). */
export const LEARNED_FROM = ['directConnect', 'vpnStatic', 'vpnBgp'] as const;

/** How a prefix was learned. */
export type LearnedFrom = (typeof LEARNED_FROM)[number];

/** An on-premises prefix a virtual private gateway knows, and the connection it goes over. */
export interface LearnedRoute {
  readonly prefix: Prefix;
  readonly from: LearnedFrom;
  /** A VPN connection or Direct Connect gateway id. */
  readonly connection: string;
  /** Whether the connection carries traffic (a VPN that is not available does not). */
  readonly up: boolean;
}

/** Per world (keyed by its network map): networks by connection, learned and advertised routes by gateway and connection. */
interface WorldIndex {
  readonly networks: Map<string, OnPremisesNetwork[]>;
  readonly learned: Map<string, LearnedRoute[]>;
  readonly advertised: Map<string, AdvertisedRoute[]>;
}

// Memoised lookups: a file with thousands of connections and networks must not make every
// hop (or every propagating route table) scan all of them (bounded work on hostile input).
const indexes = new WeakMap<object, WorldIndex>();

function indexOf(world: VpnWorld): WorldIndex {
  let ix = indexes.get(world.onPremisesNetworks);
  if (!ix) {
    const networks = new Map<string, OnPremisesNetwork[]>();
    for (const n of world.onPremisesNetworks.values()) {
      for (const c of new Set(n.connections)) {
        const list = networks.get(c);
        if (list) list.push(n);
        else networks.set(c, [n]);
      }
    }
    ix = { networks, learned: new Map(), advertised: new Map() };
    indexes.set(world.onPremisesNetworks, ix);
  }
  return ix;
}

/** The on-premises networks that name a connection, in id order. */
export function networksOf(world: VpnWorld, connection: string): readonly OnPremisesNetwork[] {
  return indexOf(world).networks.get(connection) ?? [];
}

/** The prefixes a VPN connection brings to its gateway. */
export function vpnPrefixes(world: VpnWorld, vpn: VpnConnection): { readonly prefix: Prefix; readonly from: LearnedFrom }[] {
  if (vpn.staticRoutesOnly) return vpn.staticRoutes.map((r) => ({ prefix: r.prefix, from: 'vpnStatic' as const }));
  return networksOf(world, vpn.id).flatMap((n) => n.cidrs.map((prefix) => ({ prefix, from: 'vpnBgp' as const })));
}

/** Every on-premises prefix a virtual private gateway knows, in a stable order. */
export function learnedByGateway(world: VpnWorld, vgw: string): readonly LearnedRoute[] {
  const ix = indexOf(world);
  const hit = ix.learned.get(vgw);
  if (hit) return hit;
  const out: LearnedRoute[] = [];
  for (const vpn of world.vpnConnections.values()) {
    if (vpn.virtualPrivateGateway !== vgw) continue;
    for (const p of vpnPrefixes(world, vpn)) out.push({ ...p, connection: vpn.id, up: vpn.state === 'available' });
  }
  for (const dx of world.directConnectGateways.values()) {
    if (!dx.associations.some((a) => a.gateway === vgw)) continue;
    for (const n of networksOf(world, dx.id)) for (const prefix of n.cidrs) out.push({ prefix, from: 'directConnect', connection: dx.id, up: true });
  }
  ix.learned.set(vgw, out);
  return out;
}

/** A VPC prefix advertised to on-premises over a connection, and the gateway it leads to. */
export interface AdvertisedRoute {
  readonly prefix: Prefix;
  readonly gateway: string;
  readonly vpc: string;
}

/** What AWS advertises to on-premises over a VPN connection or Direct Connect gateway. */
export function advertisedOver(world: VpnWorld, connection: string): readonly AdvertisedRoute[] {
  const ix = indexOf(world);
  const hit = ix.advertised.get(connection);
  if (hit) return hit;
  const out = computeAdvertised(world, connection);
  ix.advertised.set(connection, out);
  return out;
}

function computeAdvertised(world: VpnWorld, connection: string): AdvertisedRoute[] {
  const vpn = world.vpnConnections.get(connection);
  if (vpn) {
    const vgw = vpn.virtualPrivateGateway !== undefined ? world.virtualPrivateGateways.get(vpn.virtualPrivateGateway) : undefined;
    const vpc = vgw?.vpc !== undefined ? world.vpcs.get(vgw.vpc) : undefined;
    return vgw && vpc ? vpc.cidrs.map((prefix) => ({ prefix, gateway: vgw.id, vpc: vpc.id })) : [];
  }
  const dx = world.directConnectGateways.get(connection);
  if (!dx) return [];
  return dx.associations.flatMap((a) => {
    const vgw = world.virtualPrivateGateways.get(a.gateway);
    const vpc = vgw?.vpc !== undefined ? world.vpcs.get(vgw.vpc) : undefined;
    if (!vgw || !vpc) return [];
    const allowed = a.allowedPrefixes;
    return vpc.cidrs.filter((c) => allowed === undefined || allowed.some((p) => prefixCovers(p, c))).map((prefix) => ({ prefix, gateway: vgw.id, vpc: vpc.id }));
  });
}
