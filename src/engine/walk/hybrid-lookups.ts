// Lookups the hybrid handlers share (on-premises networks, virtual private gateways, VPN and
// Direct Connect): the gateway endpoint a destination would need, and a connection as a
// trace component.
import { prefixContains } from '../../net/prefix.js';
import type { Ip } from '../../net/ip.js';
import type { Endpoint } from '../../model/resources.js';
import type { Topology } from '../../model/topology.js';
import type { Component } from '../trace.js';

/**
 * A gateway endpoint of one of `vpcs` whose service's prefix list holds `dst`: traffic from
 * on-premises cannot use it ("Gateway endpoints", AWS PrivateLink guide: "Gateway endpoints
 * are not usable from on-premises"), which the trace names as the reason.
 */
export function gatewayEndpointFor(topology: Topology, vpcs: readonly string[], dst: Ip): Endpoint | undefined {
  for (const ep of topology.endpoints.values()) {
    if (ep.type !== 'gateway' || !vpcs.includes(ep.vpc) || ep.service.kind !== 'awsService') continue;
    const list = ep.service.service.prefixList;
    const entries = list ? topology.prefixLists.get(list.id)?.entries ?? [] : [];
    if (entries.some((p) => prefixContains(p, dst))) return ep;
  }
  return undefined;
}

/** A VPN connection or Direct Connect gateway as a component. */
export function connectionComponent(topology: Topology, id: string): Component {
  return topology.vpnConnections.has(id) ? { id, kind: 'vpnConnection' } : { id, kind: 'directConnectGateway' };
}
