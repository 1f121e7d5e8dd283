// The DNS names vpcsim gives to things AWS names with generated hostnames (docs/dns.md).
// AWS's own forms carry random parts (vpce-0abc-1x2y.kms.us-east-1.vpce.amazonaws.com,
// my-nlb-0123456789abcdef.elb.us-east-1.amazonaws.com); vpcsim keeps their shape but uses
// the ids from the file, so a person can write the name without looking it up.
import type { Endpoint, LoadBalancer } from '../../model/resources.js';
import type { Topology } from '../../model/topology.js';

function regionOf(topology: Topology, vpcId: string): string {
  return topology.vpcs.get(vpcId)?.region ?? topology.region;
}

/** The service part of an endpoint's names: the AWS service's short name, or the endpoint service's id. */
function servicePart(ep: Endpoint): string {
  return ep.service.kind === 'awsService' ? ep.service.service.short : ep.service.id;
}

/**
 * Regional endpoint-specific name ("Endpoint-specific DNS hostnames", AWS PrivateLink guide):
 * `<endpoint-id>.<service>.<region>.vpce.amazonaws.com`, answering every ENI of the endpoint.
 */
export function endpointRegionalName(topology: Topology, ep: Endpoint): string {
  return `${ep.id}.${servicePart(ep)}.${regionOf(topology, ep.vpc)}.vpce.amazonaws.com`.toLowerCase();
}

/** Zonal endpoint-specific name: `<endpoint-id>-<az>.<service>.<region>.vpce.amazonaws.com`, one ENI. */
export function endpointZonalName(topology: Topology, ep: Endpoint, az: string): string {
  return `${ep.id}-${az}.${servicePart(ep)}.${regionOf(topology, ep.vpc)}.vpce.amazonaws.com`.toLowerCase();
}

/**
 * A load balancer's public DNS name: `<lb-id>.elb.<region>.amazonaws.com`. Like AWS's, it is
 * public either way; it answers the nodes' public IPs (internet-facing) or private IPs
 * (internal) ("CreateLoadBalancer: Scheme", Elastic Load Balancing API reference).
 */
export function loadBalancerDnsName(topology: Topology, lb: LoadBalancer): string {
  return `${lb.id}.elb.${regionOf(topology, lb.vpc)}.amazonaws.com`.toLowerCase();
}

/**
 * A load balancer's zonal DNS name, `<az>.<dns-name>`: it answers the node in that zone only
 * ("Network Load Balancers: Availability Zones", Elastic Load Balancing guide).
 */
export function loadBalancerZonalName(topology: Topology, lb: LoadBalancer, az: string): string {
  return `${az}.${loadBalancerDnsName(topology, lb)}`.toLowerCase();
}

/**
 * An instance's public IPv4 DNS hostname ("Amazon EC2 instance hostname types", EC2 guide):
 * `ec2-<public-ip-with-dashes>.compute-1.amazonaws.com` in us-east-1,
 * `ec2-<public-ip-with-dashes>.<region>.compute.amazonaws.com` elsewhere.
 */
export function instancePublicHostname(region: string, publicIp: string): string {
  const dashed = publicIp.replace(/\./g, '-');
  return region === 'us-east-1' ? `ec2-${dashed}.compute-1.amazonaws.com` : `ec2-${dashed}.${region}.compute.amazonaws.com`;
}

/** Normalise a name as DNS compares it: case-insensitive, without a trailing dot. */
export function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}
