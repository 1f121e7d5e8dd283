// Where PrivateLink endpoints may sit, and what their zones mean across accounts:
// - "The VPC endpoint service ... does not support the Availability Zone of the subnet"
//   (AWS re:Post, interface-endpoint-availability-zone): an interface endpoint's subnets
//   must be in zones its service's Network Load Balancer is enabled in, and the provider
//   cannot remove a zone from an NLB with active endpoint associations ("Update the
//   Availability Zones for your Network Load Balancer"), so AWS never holds this state;
// - "AZ IDs": zone names map to physical zones independently per account, so between two
//   accounts only AZ IDs say which zones match.
import { isAzId } from '../availability-zones.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Endpoint } from '../resources.js';
import type { SourceMap } from '../source-map.js';
import type { Topology } from '../topology.js';

/** ENDPOINT_AZ_NOT_SERVED and AZ_NAME_ACROSS_ACCOUNTS for every endpoint of an endpoint service. */
export function validateEndpointZones(t: Topology, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of t.endpoints.values()) {
    if (e.type === 'gateway' || e.service.kind !== 'endpointService') continue;
    const service = t.endpointServices.get(e.service.id);
    const lb = service ? t.loadBalancers.get(service.loadBalancer) : undefined;
    if (!service || !lb) continue;
    const served = lb.subnets.map((id) => t.subnets.get(id)?.az).filter((az): az is string => az !== undefined);
    const zones = e.subnets.map((id) => t.subnets.get(id)?.az);
    const consumer = t.vpcs.get(e.vpc)?.accountId;
    const provider = t.vpcs.get(service.vpc)?.accountId;
    const crossAccount = consumer !== undefined && provider !== undefined && consumer !== provider;
    if (crossAccount && [...served, ...zones].some((az) => az !== undefined && !isAzId(az))) {
      out.push({
        code: 'AZ_NAME_ACROSS_ACCOUNTS',
        severity: 'warning',
        message: `endpoint "${e.id}" (account ${consumer}) and load balancer "${lb.id}" (account ${provider}) are matched by zone, and a zone name means a different zone in each account; write AZ IDs (like use1-az1) on both sides`,
        span: map.keyAt(`${e.pointer}/subnets`),
      });
      continue;
    }
    if (e.type === 'interface') notServed(out, map, e, zones, served, lb.id);
  }
  return out;
}

function notServed(out: Diagnostic[], map: SourceMap, e: Endpoint, zones: readonly (string | undefined)[], served: readonly string[], lb: string): void {
  zones.forEach((az, i) => {
    if (az === undefined || served.includes(az)) return;
    out.push({
      code: 'ENDPOINT_AZ_NOT_SERVED',
      severity: 'error',
      message: `subnet "${e.subnets[i]}" is in ${az}, but load balancer "${lb}" behind the service is only in ${served.join(', ') || 'no zone'}; AWS refuses an endpoint in a zone its service does not support`,
      span: map.valueAt(`${e.pointer}/subnets/${i}`),
    });
  });
}
