// A site-to-site VPN connection ("What is AWS Site-to-Site VPN?", Site-to-Site VPN guide):
// between a customer gateway and a virtual private gateway, carrying traffic only when
// available (Reachability Analyzer: BAD_STATE_VPN). AWS gives every connection two tunnels
// for redundancy; vpcsim walks one path, and the step says so (`tunnels: 2`).
import { newHopLog } from './hop-log.js';
import type { Handler } from './position.js';

/** A packet on a VPN connection, toward AWS or toward on-premises. */
export const vpnConnection: Handler<'vpnConnection'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { vpn, toAws, packet, carry } = at;
  const t = env.ctx.topology;
  const component = { id: vpn.id, kind: 'vpnConnection' as const };
  const step = {
    type: 'vpnConnection', connection: vpn.id, customerGateway: vpn.customerGateway, gateway: vpn.virtualPrivateGateway,
    direction: toAws ? 'toAws' : 'toOnPremises', routing: vpn.staticRoutesOnly ? 'static' : 'bgp', state: vpn.state, tunnels: 2,
  } as const;
  if (vpn.state !== 'available') return log.end(log.drop(component, 'dropped', 'BAD_STATE_VPN', { ...step, action: 'dropped', verdict: 'notAvailable' }, vpn.span, packet));
  log.hop(component, 'forwarded', { ...step, action: 'forwarded', verdict: 'carried' }, vpn.span, packet);
  if (!toAws) return log.go({ kind: 'onPremisesArrive', connection: vpn.id, packet, carry });
  const vgw = vpn.virtualPrivateGateway !== undefined ? t.virtualPrivateGateways.get(vpn.virtualPrivateGateway) : undefined;
  if (!vgw) return log.end(log.drop(component, 'dropped', 'BAD_STATE_VPN', { ...step, action: 'dropped', verdict: 'notAvailable' }, vpn.span, packet));
  return log.go({ kind: 'vgwInbound', vgw, via: vpn.id, packet, carry });
};
