// On-premises networks (`onPremises:`): a host sends, the network's router picks a connection,
// and a connection hands the packet to the network that holds its destination. The router
// routes by what AWS advertises over each connection ("Site-to-Site VPN routing options";
// "Allowed prefixes interactions", Direct Connect guide: see model/vpn-routes.ts) and by the
// routes the file gives it; longest prefix first, then Direct Connect before VPN (AWS's own
// order, "Route priority"; a real router's preference is its own configuration), then the
// order the network lists its connections. vpcsim does not route between on-premises
// networks through AWS (VPN CloudHub) nor models what lies beyond a network's own blocks.
import { formatIp } from '../../net/ip.js';
import { prefixContains, formatPrefix, type Prefix } from '../../net/prefix.js';
import type { Packet } from '../packet.js';
import type { OnPremisesNetwork } from '../../model/resources.js';
import { advertisedOver, networksOf } from '../../model/vpn-routes.js';
import type { Explanation } from '../trace.js';
import { connectionComponent, gatewayEndpointFor } from './hybrid-lookups.js';
import { newHopLog, type HopLog } from './hop-log.js';
import type { Handler, Step } from './position.js';

function networkComponent(n: OnPremisesNetwork): { id: string; kind: 'onPremisesNetwork' } {
  return { id: n.id, kind: 'onPremisesNetwork' };
}

/** Deliver in an on-premises network: to the host holding the address, else to the network. */
function deliverTo(log: HopLog, network: OnPremisesNetwork, packet: Packet): Step {
  const t = log.env.ctx.topology;
  if (!log.env.reply && log.carry.intended !== undefined) {
    // The query named an interface of a VPC: an on-premises address equal to its address is not it.
    return log.end(log.drop(networkComponent(network), 'dropped', 'UNKNOWN_DESTINATION',
      { type: 'onPremises', action: 'dropped', network: network.id, verdict: 'notIntended' }, network.span, packet));
  }
  const host = network.hosts.map((h) => t.onPremisesHosts.get(h)!).find((h) => h.ip.family === packet.dst.family && h.ip.value === packet.dst.value);
  if (host) {
    log.hop({ id: host.id, kind: 'onPremisesHost' }, 'delivered', { type: 'delivered', action: 'delivered', receiver: host.id, to: 'onPremisesHost' }, host.span, packet);
  } else {
    log.hop(networkComponent(network), 'delivered', { type: 'delivered', action: 'delivered', receiver: network.id, to: 'onPremises' }, network.span, packet);
  }
  return log.deliver({ kind: 'onPremises', network, host, packet });
}

/** A flow that starts in an on-premises network: the sender's hop, then the router. */
export const onPremisesSource: Handler<'onPremisesSource'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const component = at.host ? { id: at.host.id, kind: 'onPremisesHost' as const } : networkComponent(at.network);
  log.hop(component, 'forwarded', { type: 'send', action: 'forwarded', sender: at.label }, at.host?.span ?? at.network.span, at.packet);
  return log.go({ kind: 'onPremisesRoute', network: at.network, packet: at.packet, carry: at.carry });
};

interface Choice {
  readonly connection: string;
  readonly prefix: Prefix;
  readonly dx: boolean;
  readonly order: number;
  readonly origin: 'advertised' | 'written';
  readonly gateway?: string;
  readonly route?: number;
}

/** The on-premises router: into the connection whose route matches packet.dst best. */
export const onPremisesRoute: Handler<'onPremisesRoute'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { network, packet, carry } = at;
  const t = env.ctx.topology;
  const component = networkComponent(network);
  if (network.cidrs.some((c) => prefixContains(c, packet.dst))) {
    log.hop(component, 'forwarded', { type: 'onPremises', action: 'forwarded', network: network.id, verdict: 'local' }, network.span, packet);
    return deliverTo(log, network, packet);
  }
  const choices: Choice[] = [];
  network.connections.forEach((c, order) => {
    const dx = t.directConnectGateways.has(c);
    for (const a of advertisedOver(t, c)) if (prefixContains(a.prefix, packet.dst)) choices.push({ connection: c, prefix: a.prefix, dx, order, origin: 'advertised', gateway: a.gateway });
  });
  for (const r of network.routes) {
    if (prefixContains(r.prefix, packet.dst)) choices.push({ connection: r.connection, prefix: r.prefix, dx: t.directConnectGateways.has(r.connection), order: network.connections.indexOf(r.connection), origin: 'written', route: r.index });
  }
  choices.sort((a, b) => b.prefix.length - a.prefix.length || Number(b.dx) - Number(a.dx) || a.order - b.order || (a.origin === b.origin ? 0 : a.origin === 'advertised' ? -1 : 1));
  const best = choices[0];
  if (!best) {
    const vpcs = network.connections.flatMap((c) => advertisedOver(t, c).map((a) => a.vpc));
    const ep = gatewayEndpointFor(t, vpcs, packet.dst);
    const also: Explanation[] = ep ? [{ code: 'VPCE_INTRA_VPC_TRAFFIC', message: `${formatIp(packet.dst)} is served by gateway endpoint ${ep.id} of ${ep.vpc}, which carries only its own VPC's traffic: AWS advertises no route to it over VPN or Direct Connect (Gateway endpoints: not usable from on-premises)`, component: { id: ep.id, kind: 'endpoint' }, location: ep.span }] : [];
    return log.end(log.drop(component, 'dropped', 'NO_ROUTE_TO_DESTINATION', { type: 'onPremises', action: 'dropped', network: network.id, verdict: 'noRoute' }, network.span, packet, also));
  }
  const route = best.route !== undefined ? network.routes[best.route - 1] : undefined;
  log.hop(component, 'forwarded', {
    type: 'onPremises', action: 'forwarded', network: network.id, verdict: 'toConnection', connection: best.connection, prefix: formatPrefix(best.prefix), origin: best.origin,
    ...(best.gateway !== undefined ? { gateway: best.gateway } : {}), ...(best.route !== undefined ? { route: best.route } : {}),
  }, route?.span ?? network.span, packet);
  const vpn = t.vpnConnections.get(best.connection);
  if (vpn) return log.go({ kind: 'vpnConnection', vpn, toAws: true, packet, carry });
  return log.go({ kind: 'directConnectGateway', dxgw: t.directConnectGateways.get(best.connection)!, toAws: true, packet, carry });
};

/** A connection hands the packet to the on-premises network holding packet.dst. */
export const onPremisesArrive: Handler<'onPremisesArrive'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const t = env.ctx.topology;
  const holders = networksOf(t, at.connection)
    .map((n) => ({ n, len: Math.max(-1, ...n.cidrs.filter((c) => prefixContains(c, at.packet.dst)).map((c) => c.length)) }))
    .filter((x) => x.len >= 0)
    .sort((a, b) => b.len - a.len);
  const network = holders[0]?.n;
  if (!network) {
    const component = connectionComponent(t, at.connection);
    return log.end(log.drop(component, 'dropped', 'UNKNOWN_DESTINATION', { type: 'onPremises', action: 'dropped', verdict: 'notInNetwork', connection: at.connection }, t.byId.get(at.connection)?.span, at.packet));
  }
  return deliverTo(log, network, at.packet);
};
