// Options AWS refuses unless their conditions hold:
// - a route to an egress-only internet gateway carries IPv6 only ("Egress-only internet
//   gateways", Amazon VPC guide; CreateRoute: EgressOnlyInternetGatewayId is "[IPv6 traffic only]");
// - DNS resolution over a peering connection needs an active connection and both VPCs with
//   DNS hostnames and DNS resolution on ("Enable DNS resolution for a VPC peering
//   connection", VPC Peering guide);
// - privateDnsOnlyForInboundResolverEndpoint exists only on interface endpoints with private
//   DNS, of services that have gateway endpoints too (DnsOptionsSpecification, EC2 API
//   reference: "available only for services that support both gateway and interface endpoints").
import type { Diagnostic } from '../diagnostic.js';
import type { SourceMap } from '../source-map.js';
import type { Topology } from '../topology.js';

/** Egress-only gateway routes, peering DNS options and inbound-only private DNS. */
export function validateIpv6AndDnsOptions(t: Topology, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const table of t.routeTables.values()) {
    for (const route of table.routes) {
      if (route.origin !== 'written' || route.target.kind !== 'resource') continue;
      if (t.byId.get(route.target.id)?.kind !== 'egressOnlyInternetGateway') continue;
      const dest = route.destination;
      const family = dest.kind === 'cidr' ? dest.prefix.family : t.prefixLists.get(dest.prefixList)?.entries[0]?.family;
      if (family === 4) {
        out.push({
          code: 'ROUTE_FAMILY_MISMATCH', severity: 'error',
          message: `"${route.target.id}" is an egress-only internet gateway, which carries IPv6 only; route IPv4 through a NAT gateway or an internet gateway`,
          span: map.valueAt(`${table.pointer}/routes/${route.index - 1}/destination`),
        });
      }
    }
  }
  for (const p of t.peeringConnections.values()) {
    const sides = [['requester', p.requester, p.allowRemoteVpcDnsResolution.requester], ['accepter', p.accepter, p.allowRemoteVpcDnsResolution.accepter]] as const;
    for (const [side, , on] of sides) {
      if (!on) continue;
      const at = map.valueAt(`${p.pointer}/allowRemoteVpcDnsResolution/${side}`);
      if (p.status !== 'active') {
        out.push({ code: 'BAD_VALUE', severity: 'error', message: `peering connection "${p.id}" is ${p.status}; AWS enables DNS resolution only on an active connection`, span: at });
        continue;
      }
      const lacking = [p.requester, p.accepter].filter((v) => {
        const vpc = t.vpcs.get(v);
        return vpc !== undefined && !(vpc.enableDnsSupport && vpc.enableDnsHostnames);
      });
      if (lacking.length > 0) {
        out.push({
          code: 'PRIVATE_DNS_NEEDS_VPC_DNS', severity: 'error',
          message: `DNS resolution over "${p.id}" needs enableDnsSupport and enableDnsHostnames on both VPCs; ${lacking.map((v) => `"${v}"`).join(' and ')} lack${lacking.length === 1 ? 's' : ''} one`,
          span: at,
        });
      }
    }
  }
  for (const ep of t.endpoints.values()) {
    if (!ep.privateDnsOnlyForInboundResolverEndpoint) continue;
    const at = map.valueAt(`${ep.pointer}/privateDnsOnlyForInboundResolverEndpoint`);
    if (ep.type !== 'interface') {
      out.push({ code: 'ENDPOINT_FIELD_FOR_TYPE', severity: 'error', message: `privateDnsOnlyForInboundResolverEndpoint is an option of interface endpoints, not of ${ep.type} endpoints`, span: at });
    } else if (ep.service.kind !== 'awsService' || !ep.service.service.gateway) {
      out.push({ code: 'ENDPOINT_SERVICE_TYPE', severity: 'error', message: 'privateDnsOnlyForInboundResolverEndpoint is available only for services that have gateway endpoints too (S3, DynamoDB)', span: at });
    } else if (!ep.privateDns) {
      out.push({ code: 'BAD_VALUE', severity: 'error', message: 'privateDnsOnlyForInboundResolverEndpoint needs private DNS on the endpoint', span: at });
    }
  }
  return out;
}
