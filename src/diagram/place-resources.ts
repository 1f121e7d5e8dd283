// Where each resource is drawn: an account-and-region cluster around its VPCs, a VPC
// cluster, a subnet cluster around what has an interface there (instances, NAT gateways,
// endpoint and load balancer interfaces), and VPC-wide things (gateways, route tables,
// endpoints, load balancers, target groups, endpoint services) in the VPC cluster.
// Subnets with nothing drawn in them collapse into one line per VPC.
import { formatIp } from '../net/ip.js';
import { formatPrefix } from '../net/prefix.js';
import type { Topology } from '../model/topology.js';
import type { Vpc } from '../model/resources.js';
import type { DiagramBuilder } from './diagram-builder.js';

const LB_TYPE = { network: 'Network Load Balancer', gateway: 'Gateway Load Balancer', application: 'Application Load Balancer' } as const;
const ENDPOINT_TYPE = { interface: 'interface endpoint', gateway: 'gateway endpoint', gatewayLoadBalancer: 'GWLB endpoint' } as const;

function accountCluster(b: DiagramBuilder, t: Topology, vpc: Vpc): string {
  const name = [...t.accounts.values()].find((a) => a.accountId === vpc.accountId)?.id;
  const label = vpc.accountId === undefined ? `region ${vpc.region}` : `account ${name === undefined ? '' : `${name} `}${vpc.accountId}, ${vpc.region}`;
  return b.cluster(`${vpc.accountId ?? '-'}|${vpc.region}`, 'account', [label], undefined);
}

/** Route tables some subnet uses (or a gateway is associated with): the ones a packet can meet. */
function usedRouteTables(t: Topology): Set<string> {
  const used = new Set<string>();
  for (const s of t.subnets.values()) used.add(s.routeTable);
  for (const r of t.routeTables.values()) if (r.gatewayAssociation !== undefined) used.add(r.id);
  return used;
}

/** Add every cluster and node of the topology. */
export function placeResources(b: DiagramBuilder, t: Topology): void {
  const subnetCluster = new Map<string, string>();
  const occupied = new Set<string>();
  for (const e of t.enis.values()) occupied.add(e.subnet);

  for (const vpc of t.vpcs.values()) {
    const outer = accountCluster(b, t, vpc);
    const cidrs = [...vpc.cidrs, ...vpc.ipv6Cidrs].map(formatPrefix).join(', ');
    const vc = b.cluster(vpc.id, 'vpc', [`VPC ${vpc.id}`, cidrs], outer);
    const empty: string[] = [];
    for (const sid of vpc.subnets) {
      const s = t.subnets.get(sid);
      if (!s) continue;
      if (!occupied.has(sid)) {
        empty.push(`${s.id} ${formatPrefix(s.cidr)}`);
        continue;
      }
      subnetCluster.set(sid, b.cluster(sid, 'subnet', [`subnet ${s.id}`, `${s.az}, ${formatPrefix(s.cidr)}`], vc));
    }
    if (vpc.internetGateway) b.node(vpc.internetGateway, 'internetGateway', [`internet gateway ${vpc.internetGateway}`], vc);
    if (empty.length > 0) b.node(`${vpc.id}/empty-subnets`, 'emptySubnets', [`${empty.length} subnet${empty.length === 1 ? '' : 's'} with nothing drawn`, ...empty], vc);
  }

  const inVpc = (vpc: string): string | undefined => b.clusterOf(vpc);
  const used = usedRouteTables(t);
  for (const r of t.routeTables.values()) {
    if (!used.has(r.id)) continue;
    b.node(r.id, 'routeTable', [`route table ${r.id}`, ...(r.main ? ['main'] : [])], inVpc(r.vpc));
  }
  for (const i of t.instances.values()) {
    const addresses = [formatIp(i.privateIp), ...(i.publicIp ? [`public ${formatIp(i.publicIp)}`] : []), ...(i.ipv6Ip ? [formatIp(i.ipv6Ip)] : [])];
    b.node(i.id, 'instance', [`instance ${i.id}`, addresses.join(', ')], subnetCluster.get(i.subnet));
  }
  for (const n of t.networkInterfaces.values()) {
    // A secondary interface of an instance is drawn as the instance (aliased below).
    if (n.instance !== undefined) continue;
    const addresses = [formatIp(n.privateIp), ...n.secondaryIps.map(formatIp), ...(n.publicIp ? [`public ${formatIp(n.publicIp)}`] : [])];
    b.node(n.id, 'networkInterface', [`${n.type === 'interface' ? 'network interface' : `${n.type} interface`} ${n.id}`, addresses.join(', ')], subnetCluster.get(n.subnet));
  }
  for (const n of t.natGateways.values()) {
    const addresses = [formatIp(n.privateIp), ...(n.publicIp ? [`public ${formatIp(n.publicIp)}`] : [])];
    b.node(n.id, 'natGateway', [`NAT gateway ${n.id} (${n.connectivity})`, addresses.join(', ')], subnetCluster.get(n.subnet));
  }
  for (const ep of t.endpoints.values()) {
    b.node(ep.id, 'endpoint', [`${ENDPOINT_TYPE[ep.type]} ${ep.id}`, `${ep.state}${ep.privateDns ? ', private DNS' : ''}`], inVpc(ep.vpc));
  }
  for (const lb of t.loadBalancers.values()) {
    b.node(lb.id, 'loadBalancer', [`${LB_TYPE[lb.type]} ${lb.id}`, `${lb.scheme}${lb.crossZone ? ', cross-zone' : ''}`], inVpc(lb.vpc));
  }
  for (const tg of t.targetGroups.values()) {
    b.node(tg.id, 'targetGroup', [`target group ${tg.id}`, `${tg.protocol} ${tg.port}, ${tg.targetType} targets`], inVpc(tg.vpc));
  }
  for (const es of t.endpointServices.values()) {
    b.node(es.id, 'endpointService', [`endpoint service ${es.id}`, es.serviceName, ...(es.privateDnsName ? [`private DNS ${es.privateDnsName}`] : [])], inVpc(es.vpc));
  }
  for (const e of t.enis.values()) {
    // An instance's primary interface is the instance itself (same id); others get a box.
    if (e.owner.kind === 'networkInterface') continue;
    if (e.owner.kind === 'instance' || e.owner.kind === 'natGateway') {
      b.alias(e.id, e.owner.id);
      continue;
    }
    const kind = e.owner.kind === 'endpoint' ? 'endpointEni' : 'loadBalancerNode';
    const what = e.owner.kind === 'endpoint' ? 'endpoint interface' : 'load balancer node';
    b.node(e.id, kind, [`${what} ${e.id}`, `${e.az}, ${formatIp(e.privateIp)}`], subnetCluster.get(e.subnet));
  }
  for (const p of t.peeringConnections.values()) {
    b.node(p.id, 'peeringConnection', [`peering ${p.id}`, p.status], undefined);
  }
  // A transit gateway outside every VPC; each VPC attachment in its first subnet (one per zone).
  for (const g of t.transitGateways.values()) {
    b.node(g.id, 'transitGateway', [`transit gateway ${g.id}`, `${g.region}, ASN ${g.asn}, ${g.routeTables.length} route table${g.routeTables.length === 1 ? '' : 's'}`], undefined);
  }
  for (const a of t.transitGatewayAttachments.values()) {
    const zones = a.type === 'vpc' ? a.subnets.map((s) => t.subnets.get(s)?.az ?? s).join(', ') : `peering to ${a.peer}`;
    b.node(a.id, 'transitGatewayAttachment', [`TGW attachment ${a.id}`, zones, ...(a.state !== 'available' ? [a.state] : [])], a.type === 'vpc' ? subnetCluster.get(a.subnets[0]!) : undefined);
  }
  const services = new Set<string>();
  for (const ep of t.endpoints.values()) if (ep.service.kind === 'awsService') services.add(ep.service.service.name);
  for (const name of [...services].sort()) b.node(name, 'awsService', ['AWS service', name], undefined);
  if (t.internetGateways.size > 0 || t.internetHosts.size > 0) b.node('internet', 'internet', ['the internet'], undefined);
  for (const h of t.internetHosts.values()) {
    b.node(h.id, 'internetHost', [`internet host ${h.id}`, formatIp(h.ip), ...(h.dns ? [h.dns] : [])], undefined);
  }
  // The hybrid side, outside every VPC: gateways, connections, on-premises networks and hosts.
  for (const g of t.virtualPrivateGateways.values()) b.node(g.id, 'virtualPrivateGateway', [`virtual private gateway ${g.id}`, g.vpc ?? 'detached'], undefined);
  for (const v of t.vpnConnections.values()) b.node(v.id, 'vpnConnection', [`VPN ${v.id}`, `${v.staticRoutesOnly ? 'static' : 'BGP'}, ${v.state}`], undefined);
  for (const d of t.directConnectGateways.values()) b.node(d.id, 'directConnectGateway', [`Direct Connect gateway ${d.id}`], undefined);
  for (const n of t.onPremisesNetworks.values()) b.node(n.id, 'onPremisesNetwork', [`on-premises ${n.id}`, n.cidrs.map(formatPrefix).join(', ')], undefined);
  for (const h of t.onPremisesHosts.values()) b.node(h.id, 'onPremisesHost', [`on-premises host ${h.id}`, formatIp(h.ip), ...(h.dns ? [h.dns] : [])], undefined);
}
