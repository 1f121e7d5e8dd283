// Semantic checks that need the whole built model (cross-resource rules). Each validator
// is a pure function of the topology and the source map, in a file of its own.
import type { Diagnostic } from '../diagnostic.js';
import type { SourceMap } from '../source-map.js';
import type { Topology } from '../topology.js';
import { validateGwlbEndpointRoutes } from './validate-gwlb-endpoint-routes.js';
import { validateGwlbEndpointZones } from './validate-gwlb-endpoint-zones.js';
import { validateInternetAccess } from './validate-internet-access.js';
import { validateIpv6AndDnsOptions } from './validate-ipv6-and-dns-options.js';
import { validateLoadBalancers } from './validate-load-balancers.js';
import { validatePeerings } from './validate-peerings.js';
import { validatePrivateDns } from './validate-private-dns.js';
import { validateRoutes } from './validate-routes.js';
import { validateSubnets } from './validate-subnets.js';
import { validateEndpointZones } from './validate-endpoint-zones.js';
import { validateGatewayEndpoints } from './validate-gateway-endpoints.js';
import { validateSgRules } from './validate-sg-rules.js';
import { validateZones } from './validate-zones.js';
import { validateDns } from './validate-dns.js';

/** A cross-resource check. */
export type Validator = (topology: Topology, map: SourceMap) => Diagnostic[];

/** Every cross-resource check, run in this order. */
export const VALIDATORS: readonly Validator[] = [
  (t, m) => validateSubnets(t.vpcs, t.subnets, m),
  (t, m) => validateGwlbEndpointRoutes(t.routeTables, t.endpoints, m),
  validateRoutes,
  (t, m) => validatePeerings(t.peeringConnections, m),
  validatePrivateDns,
  validateLoadBalancers,
  validateGwlbEndpointZones,
  validateInternetAccess,
  validateIpv6AndDnsOptions,
  validateZones,
  validateSgRules,
  validateEndpointZones,
  validateGatewayEndpoints,
  validateDns,
];

/** Run every validator. */
export function runValidators(topology: Topology, map: SourceMap): Diagnostic[] {
  return VALIDATORS.flatMap((v) => v(topology, map));
}
