// A virtual private gateway ("Route tables and AWS Site-to-Site VPN route priority",
// Site-to-Site VPN guide). Toward on-premises it routes only to prefixes it knows (a VPN's
// static routes or BGP prefixes, a Direct Connect gateway's BGP prefixes): tunnel health
// first, then the longest prefix, then Direct Connect BGP over VPN static over VPN BGP. From a
// connection it delivers only into its VPC's own CIDR blocks ("does not route any other
// traffic"): never to a peer, a gateway or a gateway endpoint. It carries no IPv6.
import { formatPrefix, prefixContains } from '../../net/prefix.js';
import { LEARNED_FROM, learnedByGateway } from '../../model/vpn-routes.js';
import { crossSubnets } from './filters.js';
import { gatewayEndpointFor } from './hybrid-lookups.js';
import { newHopLog } from './hop-log.js';
import { inVpcCidrs } from './in-vpc-cidrs.js';
import type { Handler } from './position.js';

/** A packet a route table sent to the gateway: out toward on-premises. */
export const virtualPrivateGateway: Handler<'virtualPrivateGateway'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { vgw, fromSubnet, packet, carry } = at;
  const t = env.ctx.topology;
  const component = { id: vgw.id, kind: 'virtualPrivateGateway' as const };
  const step = { type: 'virtualPrivateGateway', gateway: vgw.id, vpc: vgw.vpc } as const;
  const denied = crossSubnets(log, fromSubnet, undefined, packet);
  if (denied) return log.end(denied);
  if (packet.dst.family === 6) {
    return log.end(log.drop(component, 'dropped', 'PROTOCOL_RESTRICTION', { ...step, action: 'dropped', verdict: 'ipv6' }, vgw.span, packet));
  }
  const matches = learnedByGateway(t, vgw.id).filter((l) => prefixContains(l.prefix, packet.dst));
  matches.sort((a, b) => Number(b.up) - Number(a.up) || b.prefix.length - a.prefix.length
    || LEARNED_FROM.indexOf(a.from) - LEARNED_FROM.indexOf(b.from) || (a.connection < b.connection ? -1 : a.connection > b.connection ? 1 : 0));
  const best = matches[0];
  if (!best) return log.end(log.drop(component, 'dropped', 'NO_ROUTE_TO_DESTINATION', { ...step, action: 'dropped', verdict: 'noRoute' }, vgw.span, packet));
  const passedOver = [...new Set(matches.slice(1).filter((m) => m.prefix.length === best.prefix.length).map((m) => m.connection))].filter((c) => c !== best.connection);
  log.hop(component, 'forwarded', {
    ...step, action: 'forwarded', verdict: 'toConnection', connection: best.connection, prefix: formatPrefix(best.prefix), learnedFrom: best.from,
    ...(passedOver.length > 0 ? { passedOver } : {}),
  }, vgw.span, packet);
  const vpn = t.vpnConnections.get(best.connection);
  if (vpn) return log.go({ kind: 'vpnConnection', vpn, toAws: false, packet, carry });
  return log.go({ kind: 'directConnectGateway', dxgw: t.directConnectGateways.get(best.connection)!, toAws: false, packet, carry });
};

/** A packet a connection brought to the gateway: into its VPC. */
export const vgwInbound: Handler<'vgwInbound'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { vgw, via, packet, carry } = at;
  const t = env.ctx.topology;
  const component = { id: vgw.id, kind: 'virtualPrivateGateway' as const };
  const step = { type: 'virtualPrivateGateway', gateway: vgw.id, vpc: vgw.vpc, via } as const;
  if (packet.dst.family === 6) {
    return log.end(log.drop(component, 'dropped', 'PROTOCOL_RESTRICTION', { ...step, action: 'dropped', verdict: 'ipv6' }, vgw.span, packet));
  }
  if (vgw.vpc === undefined || !inVpcCidrs(env.ctx, vgw.vpc, packet, 'dst')) {
    const ep = vgw.vpc !== undefined ? gatewayEndpointFor(t, [vgw.vpc], packet.dst) : undefined;
    if (ep) {
      return log.end(log.drop(component, 'dropped', 'VPCE_INTRA_VPC_TRAFFIC', { ...step, action: 'dropped', verdict: 'gatewayEndpoint', endpoint: ep.id }, ep.span, packet));
    }
    return log.end(log.drop(component, 'dropped', 'VGW_REQUIRES_ADDRESS_IN_VPC_CIDR', { ...step, action: 'dropped', verdict: 'notVpcCidr' }, vgw.span, packet));
  }
  log.hop(component, 'forwarded', { ...step, action: 'forwarded', verdict: 'intoVpc' }, vgw.span, packet);
  return log.go({ kind: 'deliverInVpc', vpc: vgw.vpc, fromSubnet: undefined, packet, sender: undefined, carry });
};
