// A Direct Connect gateway ("Direct Connect gateways", "Allowed prefixes interactions",
// Direct Connect guide): on-premises traffic goes to the associated gateway whose VPC block its
// allowed prefixes let through (the longest such block); traffic from a gateway goes to the
// on-premises networks that reach the Direct Connect gateway.
import { formatIp } from '../../net/ip.js';
import { prefixContains } from '../../net/prefix.js';
import { advertisedOver } from '../../model/vpn-routes.js';
import type { Explanation } from '../trace.js';
import { gatewayEndpointFor } from './hybrid-lookups.js';
import { newHopLog } from './hop-log.js';
import type { Handler } from './position.js';

/** A packet at a Direct Connect gateway. */
export const directConnectGateway: Handler<'directConnectGateway'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { dxgw, toAws, packet, carry } = at;
  const t = env.ctx.topology;
  const component = { id: dxgw.id, kind: 'directConnectGateway' as const };
  const step = { type: 'directConnectGateway', gateway: dxgw.id, direction: toAws ? 'toAws' : 'toOnPremises' } as const;
  if (!toAws) {
    log.hop(component, 'forwarded', { ...step, action: 'forwarded', verdict: 'toOnPremises' }, dxgw.span, packet);
    return log.go({ kind: 'onPremisesArrive', connection: dxgw.id, packet, carry });
  }
  const routes = advertisedOver(t, dxgw.id).filter((a) => prefixContains(a.prefix, packet.dst)).sort((a, b) => b.prefix.length - a.prefix.length);
  const best = routes[0];
  if (!best) {
    const vpcs = advertisedOver(t, dxgw.id).map((a) => a.vpc);
    const ep = gatewayEndpointFor(t, vpcs, packet.dst);
    const also: Explanation[] = ep ? [{ code: 'VPCE_INTRA_VPC_TRAFFIC', message: `${formatIp(packet.dst)} is served by gateway endpoint ${ep.id} of ${ep.vpc}, which carries only its own VPC's traffic (Gateway endpoints: not usable from on-premises)`, component: { id: ep.id, kind: 'endpoint' }, location: ep.span }] : [];
    return log.end(log.drop(component, 'dropped', 'NO_ROUTE_TO_DESTINATION', { ...step, action: 'dropped', verdict: 'noRoute' }, dxgw.span, packet, also));
  }
  log.hop(component, 'forwarded', { ...step, action: 'forwarded', verdict: 'toGateway', associated: best.gateway }, dxgw.span, packet);
  return log.go({ kind: 'vgwInbound', vgw: t.virtualPrivateGateways.get(best.gateway)!, via: dxgw.id, packet, carry });
};
