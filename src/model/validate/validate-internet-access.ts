// Resources that need an internet gateway attached to their VPC:
// - an internet-facing load balancer: CreateLoadBalancer fails with InvalidSubnet ("VPC
//   vpc-... has no internet gateway", Elastic Load Balancing API reference), an error;
// - a public NAT gateway: AWS creates it, then moves it to the failed state with
//   Gateway.NotAttached ("Network vpc-... has no Internet gateway attached", NatGateway in
//   the EC2 API reference); a warning, since traffic through it is simply dropped.
import type { Diagnostic } from '../diagnostic.js';
import type { SourceMap } from '../source-map.js';
import type { Topology } from '../topology.js';

/** Public NAT gateways and internet-facing load balancers in VPCs without an IGW. */
export function validateInternetAccess(t: Topology, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const noIgw = (vpc: string): boolean => t.vpcs.get(vpc)?.internetGateway === undefined;
  for (const nat of t.natGateways.values()) {
    if (nat.connectivity !== 'public' || !noIgw(nat.vpc)) continue;
    const ptr = `${nat.pointer}/connectivity`;
    out.push({
      code: 'NAT_GATEWAY_NO_IGW',
      severity: 'warning',
      message: `VPC "${nat.vpc}" has no internet gateway, so AWS puts public NAT gateway "${nat.id}" in the failed state; attach one (internetGateway) or use connectivity: private`,
      span: map.has(ptr) ? map.valueAt(ptr) : map.keyAt(nat.pointer),
    });
  }
  for (const lb of t.loadBalancers.values()) {
    if (lb.type !== 'network' || lb.scheme !== 'internet-facing' || !noIgw(lb.vpc)) continue;
    out.push({
      code: 'NEEDS_INTERNET_GATEWAY',
      severity: 'error',
      message: `VPC "${lb.vpc}" has no internet gateway, so AWS refuses internet-facing load balancer "${lb.id}"; attach one (internetGateway) or use scheme: internal`,
      span: map.valueAt(`${lb.pointer}/scheme`),
    });
  }
  return out;
}
