// The hybrid side of a topology: virtual private gateways, customer gateways, site-to-site VPN
// connections, Direct Connect gateways, and the on-premises networks and hosts they reach.
// Rules AWS enforces at creation are checked here, positioned:
// - a VPC has at most one virtual private gateway attached ("Virtual private gateway",
//   Site-to-Site VPN guide: "You can attach only one virtual private gateway to a VPC");
// - a Direct Connect gateway association needs a gateway attached to a VPC, and a gateway is
//   associated with one Direct Connect gateway at most (CreateDirectConnectGatewayAssociation);
// - a VPN's static routes exist only on a static VPN (CreateVpnConnectionRoute, StaticRoutesOnly);
// - customer gateway addresses and VPN routes are IPv4.
import { formatIp } from '../../net/ip.js';
import { prefixContains, type Prefix } from '../../net/prefix.js';
import type { RawTopology } from '../format.js';
import type {
  CustomerGateway, DirectConnectGateway, DxAssociation, OnPremisesHost, OnPremisesNetwork, OnPremisesRoute,
  VirtualPrivateGateway, Vpc, VpnConnection, VpnStaticRoute,
} from '../resources.js';
import { pointer } from '../source-map.js';
import type { VpnWorld } from '../vpn-routes.js';
import { cidrAt, ipAt, refAt, report, type BuildContext } from './context.js';

/** Everything built on the hybrid side. */
export interface HybridSide extends VpnWorld {
  readonly virtualPrivateGateways: Map<string, VirtualPrivateGateway>;
  readonly customerGateways: Map<string, CustomerGateway>;
  readonly vpnConnections: Map<string, VpnConnection>;
  readonly directConnectGateways: Map<string, DirectConnectGateway>;
  readonly onPremisesNetworks: Map<string, OnPremisesNetwork>;
  readonly onPremisesHosts: Map<string, OnPremisesHost>;
}

function cidrs(ctx: BuildContext, texts: readonly string[], ptr: string): Prefix[] {
  return texts.flatMap((t, i) => {
    const p = cidrAt(ctx, t, `${ptr}/${i}`, 4);
    return p ? [p] : [];
  });
}

function buildGateways(ctx: BuildContext, raw: RawTopology, vpcs: ReadonlyMap<string, Vpc>): Map<string, VirtualPrivateGateway> {
  const out = new Map<string, VirtualPrivateGateway>();
  const byVpc = new Map<string, string>();
  for (const [id, g] of Object.entries(raw.virtualPrivateGateways ?? {})) {
    const ptr = pointer('virtualPrivateGateways', id);
    let vpc = g.vpc;
    if (vpc !== undefined && !refAt(ctx, vpc, `${ptr}/vpc`, ['vpc'])) vpc = undefined;
    if (vpc !== undefined && vpcs.has(vpc)) {
      const first = byVpc.get(vpc);
      if (first !== undefined) {
        report(ctx, 'GATEWAY_ATTACHMENT', `VPC "${vpc}" already has virtual private gateway "${first}" attached; AWS attaches one at a time`, `${ptr}/vpc`);
        vpc = undefined;
      } else byVpc.set(vpc, id);
    }
    out.set(id, { kind: 'virtualPrivateGateway', id, span: ctx.map.keyAt(ptr), pointer: ptr, written: true, vpc, amazonSideAsn: g.amazonSideAsn });
  }
  return out;
}

function buildCustomerGateways(ctx: BuildContext, raw: RawTopology): Map<string, CustomerGateway> {
  const out = new Map<string, CustomerGateway>();
  for (const [id, g] of Object.entries(raw.customerGateways ?? {})) {
    const ptr = pointer('customerGateways', id);
    const ip = ipAt(ctx, g.ip, `${ptr}/ip`, 4);
    if (!ip) continue;
    out.set(id, { kind: 'customerGateway', id, span: ctx.map.keyAt(ptr), pointer: ptr, written: true, ip, bgpAsn: g.bgpAsn });
  }
  return out;
}

function buildVpns(ctx: BuildContext, raw: RawTopology): Map<string, VpnConnection> {
  const out = new Map<string, VpnConnection>();
  for (const [id, v] of Object.entries(raw.vpnConnections ?? {})) {
    const ptr = pointer('vpnConnections', id);
    const cgwOk = refAt(ctx, v.customerGateway, `${ptr}/customerGateway`, ['customerGateway']);
    if (v.virtualPrivateGateway === undefined) {
      report(ctx, 'MISSING_FIELD', 'missing required key "virtualPrivateGateway": the gateway on the AWS side of the connection', ptr, 'key');
      continue;
    }
    const vgwOk = refAt(ctx, v.virtualPrivateGateway, `${ptr}/virtualPrivateGateway`, ['virtualPrivateGateway']);
    const staticRoutesOnly = v.staticRoutesOnly ?? false;
    if (!staticRoutesOnly && v.staticRoutes !== undefined) {
      report(ctx, 'BAD_VALUE', 'staticRoutes need staticRoutesOnly: true; a BGP connection learns the on-premises prefixes from its customer gateway (the networks that name it)', `${ptr}/staticRoutes`, 'key');
    }
    const staticRoutes: VpnStaticRoute[] = (staticRoutesOnly ? v.staticRoutes ?? [] : []).flatMap((t, i) => {
      const p = cidrAt(ctx, t, `${ptr}/staticRoutes/${i}`, 4);
      return p ? [{ prefix: p, span: ctx.map.valueAt(`${ptr}/staticRoutes/${i}`) }] : [];
    });
    if (!cgwOk || !vgwOk) continue;
    out.set(id, {
      kind: 'vpnConnection', id, span: ctx.map.keyAt(ptr), pointer: ptr, written: true,
      customerGateway: v.customerGateway, virtualPrivateGateway: v.virtualPrivateGateway, staticRoutesOnly, staticRoutes, state: v.state ?? 'available',
    });
  }
  return out;
}

function buildDxGateways(ctx: BuildContext, raw: RawTopology, vgws: ReadonlyMap<string, VirtualPrivateGateway>): Map<string, DirectConnectGateway> {
  const out = new Map<string, DirectConnectGateway>();
  const associated = new Map<string, string>();
  for (const [id, d] of Object.entries(raw.directConnectGateways ?? {})) {
    const ptr = pointer('directConnectGateways', id);
    const associations: DxAssociation[] = [];
    (d.associations ?? []).forEach((a, i) => {
      const at = `${ptr}/associations/${i}`;
      const allowed = a.allowedPrefixes !== undefined ? cidrs(ctx, a.allowedPrefixes, `${at}/allowedPrefixes`) : undefined;
      if (!refAt(ctx, a.gateway, `${at}/gateway`, ['virtualPrivateGateway'])) return;
      const vgw = vgws.get(a.gateway);
      if (vgw && vgw.vpc === undefined) {
        report(ctx, 'GATEWAY_ATTACHMENT', `virtual private gateway "${a.gateway}" is attached to no VPC; a Direct Connect gateway associates only with an attached one`, `${at}/gateway`);
        return;
      }
      const other = associated.get(a.gateway);
      if (other !== undefined) {
        report(ctx, 'GATEWAY_ATTACHMENT', `virtual private gateway "${a.gateway}" is already associated with Direct Connect gateway "${other}"; AWS allows one`, `${at}/gateway`);
        return;
      }
      associated.set(a.gateway, id);
      associations.push({ gateway: a.gateway, allowedPrefixes: allowed, span: ctx.map.valueAt(at) });
    });
    out.set(id, { kind: 'directConnectGateway', id, span: ctx.map.keyAt(ptr), pointer: ptr, written: true, amazonSideAsn: d.amazonSideAsn, associations });
  }
  return out;
}

function buildNetworks(ctx: BuildContext, raw: RawTopology): { networks: Map<string, OnPremisesNetwork>; hosts: Map<string, OnPremisesHost> } {
  const networks = new Map<string, OnPremisesNetwork>();
  const hosts = new Map<string, OnPremisesHost>();
  for (const [id, n] of Object.entries(raw.onPremises ?? {})) {
    const ptr = pointer('onPremises', id);
    const blocks = cidrs(ctx, n.cidrs, `${ptr}/cidrs`);
    const connections = (n.connections ?? []).filter((c, i) => refAt(ctx, c, `${ptr}/connections/${i}`, ['vpnConnection', 'directConnectGateway']));
    const routes: OnPremisesRoute[] = [];
    (n.routes ?? []).forEach((r, i) => {
      const at = `${ptr}/routes/${i}`;
      const prefix = cidrAt(ctx, r.destination, `${at}/destination`, 4);
      if (!refAt(ctx, r.connection, `${at}/connection`, ['vpnConnection', 'directConnectGateway'])) return;
      if (!connections.includes(r.connection)) {
        report(ctx, 'ON_PREMISES_ADDRESS', `"${r.connection}" is not one of the connections of on-premises network "${id}"`, `${at}/connection`);
        return;
      }
      if (prefix) routes.push({ index: i + 1, prefix, connection: r.connection, span: ctx.map.valueAt(at) });
    });
    const hostIds: string[] = [];
    const held = new Map<bigint, string>();
    for (const [hid, h] of Object.entries(n.hosts ?? {})) {
      const hptr = `${ptr}/hosts/${hid}`;
      const ip = ipAt(ctx, h.ip, `${hptr}/ip`, 4);
      if (!ip) continue;
      if (blocks.length > 0 && !blocks.some((b) => prefixContains(b, ip))) {
        report(ctx, 'ON_PREMISES_ADDRESS', `${formatIp(ip)} is outside the CIDR blocks of on-premises network "${id}"`, `${hptr}/ip`);
        continue;
      }
      const other = held.get(ip.value);
      if (other !== undefined) {
        report(ctx, 'ON_PREMISES_ADDRESS', `${formatIp(ip)} is already held by on-premises host "${other}"`, `${hptr}/ip`);
        continue;
      }
      held.set(ip.value, hid);
      hostIds.push(hid);
      hosts.set(hid, { kind: 'onPremisesHost', id: hid, span: ctx.map.keyAt(hptr), pointer: hptr, written: true, network: id, ip, dns: h.dns });
    }
    networks.set(id, { kind: 'onPremisesNetwork', id, span: ctx.map.keyAt(ptr), pointer: ptr, written: true, cidrs: blocks, connections, routes, hosts: hostIds });
  }
  return { networks, hosts };
}

/** Build the hybrid side of a topology. */
export function buildHybrid(ctx: BuildContext, raw: RawTopology, vpcs: ReadonlyMap<string, Vpc>): HybridSide {
  const virtualPrivateGateways = buildGateways(ctx, raw, vpcs);
  const customerGateways = buildCustomerGateways(ctx, raw);
  const vpnConnections = buildVpns(ctx, raw);
  const directConnectGateways = buildDxGateways(ctx, raw, virtualPrivateGateways);
  const { networks, hosts } = buildNetworks(ctx, raw);
  return { vpcs, virtualPrivateGateways, customerGateways, vpnConnections, directConnectGateways, onPremisesNetworks: networks, onPremisesHosts: hosts };
}
