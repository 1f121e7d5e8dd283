// Where a multi-AZ resource lives, written either as a list of subnets or as AWS's own
// shapes that also pin the address of each interface: SubnetMappings for load balancers
// ("SubnetMapping", Elastic Load Balancing API reference) and SubnetConfigurations for
// interface endpoints ("SubnetConfiguration", Amazon EC2 API reference).
import type { RawEndpoint, RawLoadBalancer } from '../format.js';
import { report, type BuildContext } from './context.js';

/** One subnet as written: its id, where the id is, and the address written for it. */
export interface PlacedSubnet {
  readonly subnet: string;
  /** Pointer of the subnet id. */
  readonly pointer: string;
  readonly ipv4?: { readonly text: string; readonly pointer: string };
}

/** The subnets of a load balancer, from `subnets` or `subnetMappings` (one of the two). */
export function loadBalancerSubnets(lb: RawLoadBalancer, ptr: string): PlacedSubnet[] {
  if (lb.subnetMappings !== undefined) {
    return lb.subnetMappings.map((m, i) => ({
      subnet: m.subnet, pointer: `${ptr}/subnetMappings/${i}/subnet`,
      ...(m.privateIpv4Address !== undefined ? { ipv4: { text: m.privateIpv4Address, pointer: `${ptr}/subnetMappings/${i}/privateIpv4Address` } } : {}),
    }));
  }
  return (lb.subnets ?? []).map((s, i) => ({ subnet: s, pointer: `${ptr}/subnets/${i}` }));
}

/** The subnets of an endpoint, from `subnets` or `subnetConfigurations` (one of the two). */
export function endpointSubnets(e: RawEndpoint, ptr: string): PlacedSubnet[] {
  if (e.subnetConfigurations !== undefined) {
    return e.subnetConfigurations.map((c, i) => ({
      subnet: c.subnet, pointer: `${ptr}/subnetConfigurations/${i}/subnet`,
      ...(c.ipv4 !== undefined ? { ipv4: { text: c.ipv4, pointer: `${ptr}/subnetConfigurations/${i}/ipv4` } } : {}),
    }));
  }
  return (e.subnets ?? []).map((s, i) => ({ subnet: s, pointer: `${ptr}/subnets/${i}` }));
}

/** Report a resource that writes both forms, or neither where one is needed. */
export function checkOneForm(
  ctx: BuildContext, ptr: string, listKey: string, mapKey: string, hasList: boolean, hasMap: boolean, needed: boolean,
): void {
  if (hasList && hasMap) {
    report(ctx, 'SUBNET_MAPPING_SHAPE', `write either ${listKey} or ${mapKey}, not both (${mapKey} names the subnets too)`, `${ptr}/${mapKey}`, 'key');
  } else if (needed && !hasList && !hasMap) {
    report(ctx, 'MISSING_FIELD', `${listKey} (or ${mapKey}) is required`, ptr, 'key');
  }
}
