// Everything with a network interface: instances, NAT gateways, load balancers (a node per
// subnet), target groups, and the ENIs they own, with addresses written or assigned.
import type { Ip } from '../../net/ip.js';
import type { RawLoadBalancer, RawTopology } from '../format.js';
import type { Eni, Instance, LoadBalancer, NatGateway, NetworkInterface, Subnet, TargetGroup } from '../resources.js';
import { pointer } from '../source-map.js';
import { assignPrivateAddresses, ipv6InSubnet, publicAllocator, secondaryAddresses, type AddressRequest } from './assign-addresses.js';
import { ipAt, refAt, report, type BuildContext } from './context.js';
import { isPublicAddress } from '../../net/special-ranges.js';
import type { VpcFabric } from './build-vpcs.js';
import { buildNetworkInterfaces } from './build-network-interfaces.js';
import { reportNoSecurityGroup } from './no-security-group.js';
import { buildTargetGroups } from './build-target-groups.js';
import { checkOneForm, endpointSubnets, loadBalancerSubnets, type PlacedSubnet } from './subnet-mappings.js';

/** Workloads and the ENIs they own; endpoint ENIs are requested here and built later. */
export interface Workloads {
  readonly instances: Map<string, Instance>;
  readonly networkInterfaces: Map<string, NetworkInterface>;
  readonly natGateways: Map<string, NatGateway>;
  readonly loadBalancers: Map<string, LoadBalancer>;
  readonly targetGroups: Map<string, TargetGroup>;
  readonly enis: Map<string, Eni>;
  /** Private addresses of every ENI, including endpoint ENIs. */
  readonly addresses: Map<string, Ip>;
}

/** Subnets listed for a multi-AZ resource: same VPC, one per AZ. */
export function checkSubnetList(ctx: BuildContext, subnets: readonly string[], base: string, vpc: string, fabric: VpcFabric): Subnet[] {
  return checkPlacedSubnets(ctx, subnets.map((s, i) => ({ subnet: s, pointer: `${base}/${i}` })), vpc, fabric);
}

/** Subnets of a multi-AZ resource, each with where it is written: same VPC, one per AZ. */
export function checkPlacedSubnets(ctx: BuildContext, placed: readonly PlacedSubnet[], vpc: string, fabric: VpcFabric): Subnet[] {
  const out: Subnet[] = [];
  const byAz = new Map<string, string>();
  for (const { subnet: s, pointer: ptr } of placed) {
    if (!refAt(ctx, s, ptr, ['subnet'], vpc)) continue;
    const subnet = fabric.subnets.get(s);
    if (!subnet) continue;
    const other = byAz.get(subnet.az);
    if (other !== undefined) {
      report(ctx, 'DUPLICATE_AZ', `subnets "${other}" and "${s}" are both in AZ ${subnet.az}; AWS allows one subnet per AZ here`, ptr);
      continue;
    }
    byAz.set(subnet.az, s);
    out.push(subnet);
  }
  return out;
}

/** Address requests for every interface in the file (endpoint ENIs included). */
export function addressRequests(ctx: BuildContext, raw: RawTopology, fabric: VpcFabric): AddressRequest[] {
  const out: AddressRequest[] = [];
  const secondaries = (owner: string, subnet: string, list: readonly string[] | undefined, ptr: string): void => {
    (list ?? []).forEach((text, i) => out.push({ key: `${owner}#${i + 1}`, holder: owner, subnet, rank: 4, written: { text, pointer: `${ptr}/${i}` } }));
  };
  for (const [vpcId, rv] of Object.entries(raw.vpcs ?? {})) {
    for (const [id, n] of Object.entries(rv.natGateways ?? {})) {
      const ptr = pointer('vpcs', vpcId, 'natGateways', id);
      out.push({ key: id, subnet: n.subnet, rank: 0, where: { pointer: ptr, part: 'key' }, ...(n.privateIp !== undefined ? { written: { text: n.privateIp, pointer: `${ptr}/privateIp` } } : {}) });
    }
    for (const [id, lb] of Object.entries(rv.loadBalancers ?? {})) {
      const seen = new Set<string>();
      for (const p of loadBalancerSubnets(lb, pointer('vpcs', vpcId, 'loadBalancers', id))) {
        if (seen.has(p.subnet)) continue;
        seen.add(p.subnet);
        out.push({ key: `${id}/${p.subnet}`, holder: id, subnet: p.subnet, rank: 1, where: { pointer: p.pointer, part: 'value' }, ...(p.ipv4 ? { written: p.ipv4 } : {}) });
      }
    }
    for (const [id, ep] of Object.entries(rv.endpoints ?? {})) {
      if (ep.type === 'gateway') continue;
      const seen = new Set<string>();
      for (const p of endpointSubnets(ep, pointer('vpcs', vpcId, 'endpoints', id))) {
        if (seen.has(p.subnet)) continue;
        seen.add(p.subnet);
        out.push({ key: `${id}/${p.subnet}`, holder: id, subnet: p.subnet, rank: 2, where: { pointer: p.pointer, part: 'value' }, ...(p.ipv4 ? { written: p.ipv4 } : {}) });
      }
    }
    for (const [id, inst] of Object.entries(rv.instances ?? {})) {
      const ptr = pointer('vpcs', vpcId, 'instances', id);
      out.push({ key: id, subnet: inst.subnet, rank: 3, where: { pointer: ptr, part: 'key' }, ...(inst.privateIp !== undefined ? { written: { text: inst.privateIp, pointer: `${ptr}/privateIp` } } : {}) });
      secondaries(id, inst.subnet, inst.secondaryPrivateIps, `${ptr}/secondaryPrivateIps`);
    }
    for (const [id, ni] of Object.entries(rv.networkInterfaces ?? {})) {
      const ptr = pointer('vpcs', vpcId, 'networkInterfaces', id);
      out.push({ key: id, subnet: ni.subnet, rank: 4, where: { pointer: ptr, part: 'key' }, ...(ni.privateIp !== undefined ? { written: { text: ni.privateIp, pointer: `${ptr}/privateIp` } } : {}) });
      secondaries(id, ni.subnet, ni.secondaryPrivateIps, `${ptr}/secondaryPrivateIps`);
    }
  }
  return out.filter((r) => fabric.subnets.has(r.subnet));
}

/** Build instances, network interfaces, NAT gateways, load balancers and target groups. */
export function buildWorkloads(ctx: BuildContext, raw: RawTopology, fabric: VpcFabric): Workloads {
  const addresses = assignPrivateAddresses(ctx, fabric.subnets, addressRequests(ctx, raw, fabric));
  const w: Workloads = { instances: new Map(), networkInterfaces: new Map(), natGateways: new Map(), loadBalancers: new Map(), targetGroups: new Map(), enis: new Map(), addresses };
  const writtenPublic: Ip[] = [];
  const publicPtrs: [string, string][] = [];
  for (const [vpcId, rv] of Object.entries(raw.vpcs ?? {})) {
    for (const [id, i] of Object.entries(rv.instances ?? {})) {
      if (i.publicIp !== undefined) publicPtrs.push([id, pointer('vpcs', vpcId, 'instances', id, 'publicIp')]);
    }
    for (const [id, n] of Object.entries(rv.natGateways ?? {})) {
      if (n.publicIp !== undefined) publicPtrs.push([id, pointer('vpcs', vpcId, 'natGateways', id, 'publicIp')]);
    }
    for (const [id, n] of Object.entries(rv.networkInterfaces ?? {})) {
      if (n.publicIp !== undefined) publicPtrs.push([id, pointer('vpcs', vpcId, 'networkInterfaces', id, 'publicIp')]);
    }
    for (const [id, lb] of Object.entries(rv.loadBalancers ?? {})) {
      (lb.subnetMappings ?? []).forEach((m, i) => {
        if (m.publicIp !== undefined) publicPtrs.push([`${id}/${m.subnet}`, pointer('vpcs', vpcId, 'loadBalancers', id, 'subnetMappings', String(i), 'publicIp')]);
      });
    }
  }
  const publicIps = new Map<string, Ip>();
  const publicOwners = new Map<bigint, string>();
  for (const [id, ptr] of publicPtrs) {
    const text = String(findAt(raw, ptr));
    const ip = ipAt(ctx, text, ptr, 4);
    if (!ip) continue;
    // "Public IPv4 addresses" / "Elastic IP addresses" (Amazon EC2 guide): a public address
    // comes from Amazon's pool or a BYOIP range, never a private (RFC 1918, RFC 6598) one.
    if (!isPublicAddress(ip)) {
      report(ctx, 'BAD_VALUE', `${text} is not a public address; a public or Elastic IP is publicly routable (write the private one as privateIp)`, ptr);
      continue;
    }
    const holder = publicOwners.get(ip.value);
    if (holder !== undefined) {
      report(ctx, 'IP_IN_USE', `public address ${text} is already held by "${holder}"`, ptr);
      continue;
    }
    publicOwners.set(ip.value, id);
    publicIps.set(id, ip);
    writtenPublic.push(ip);
  }
  const allocatePublic = publicAllocator(writtenPublic);

  for (const [vpcId, rv] of Object.entries(raw.vpcs ?? {})) {
    const vpcBase = pointer('vpcs', vpcId);
    const defaultSg = `${vpcId}/default-sg`;
    for (const [id, n] of Object.entries(rv.natGateways ?? {})) {
      const ptr = `${vpcBase}/natGateways/${id}`;
      if (!refAt(ctx, n.subnet, `${ptr}/subnet`, ['subnet'], vpcId)) continue;
      const subnet = fabric.subnets.get(n.subnet);
      const privateIp = addresses.get(id);
      if (!subnet || !privateIp) continue;
      const connectivity = n.connectivity ?? 'public';
      if (connectivity === 'private' && n.publicIp !== undefined) {
        report(ctx, 'BAD_VALUE', 'a private NAT gateway has no public address', `${ptr}/publicIp`, 'key');
      }
      const publicIp = connectivity === 'public' ? publicIps.get(id) ?? allocatePublic(id) : undefined;
      const span = ctx.map.keyAt(ptr);
      w.natGateways.set(id, { kind: 'natGateway', id, name: n.name, span, pointer: ptr, written: true, vpc: vpcId, subnet: n.subnet, connectivity, privateIp, publicIp });
      w.enis.set(id, { id, owner: { kind: 'natGateway', id }, vpc: vpcId, subnet: n.subnet, az: subnet.az, privateIp, secondaryIps: [], publicIp, ipv6Ip: undefined, securityGroups: [], interfaceType: 'nat_gateway', filtered: false, sourceDestCheck: true, deviceIndex: undefined, denyAllIgwTraffic: false, span });
    }
    for (const [id, inst] of Object.entries(rv.instances ?? {})) {
      const ptr = `${vpcBase}/instances/${id}`;
      if (!refAt(ctx, inst.subnet, `${ptr}/subnet`, ['subnet'], vpcId)) continue;
      const sgs = inst.securityGroups ?? [defaultSg];
      (inst.securityGroups ?? []).forEach((sg, i) => refAt(ctx, sg, `${ptr}/securityGroups/${i}`, ['securityGroup'], vpcId));
      reportNoSecurityGroup(ctx, inst.securityGroups, `${ptr}/securityGroups`, `instance ${id}`);
      const subnet = fabric.subnets.get(inst.subnet);
      const privateIp = addresses.get(id);
      if (!subnet || !privateIp) continue;
      const ipv6Ip = ipv6InSubnet(ctx, inst.ipv6Ip, `${ptr}/ipv6Ip`, subnet);
      const span = ctx.map.keyAt(ptr);
      const publicIp = publicIps.get(id);
      const secondaryIps = secondaryAddresses(addresses, id, inst.secondaryPrivateIps?.length ?? 0);
      const secondaryInterfaces = Object.entries(rv.networkInterfaces ?? {}).filter(([, n]) => n.instance === id).map(([n]) => n);
      w.instances.set(id, {
        kind: 'instance', id, name: inst.name, span, pointer: ptr, written: true, vpc: vpcId, subnet: inst.subnet, privateIp, secondaryIps,
        secondaryInterfaces, publicIp, ipv6Ip, securityGroups: sgs, sourceDestCheck: inst.sourceDestCheck ?? true,
      });
      w.enis.set(id, { id, owner: { kind: 'instance', id }, vpc: vpcId, subnet: inst.subnet, az: subnet.az, privateIp, secondaryIps, publicIp, ipv6Ip, securityGroups: sgs, interfaceType: 'interface', filtered: true,
        sourceDestCheck: inst.sourceDestCheck ?? true, deviceIndex: 0, denyAllIgwTraffic: false, span });
    }
    buildTargetGroups(ctx, rv.targetGroups ?? {}, vpcBase, vpcId, fabric, w.targetGroups);
    for (const [id, lb] of Object.entries(rv.loadBalancers ?? {})) {
      const ptr = `${vpcBase}/loadBalancers/${id}`;
      checkOneForm(ctx, ptr, 'subnets', 'subnetMappings', lb.subnets !== undefined, lb.subnetMappings !== undefined, true);
      const placed = loadBalancerSubnets(lb, ptr);
      const subnets = checkPlacedSubnets(ctx, placed, vpcId, fabric);
      (lb.securityGroups ?? []).forEach((sg, i) => refAt(ctx, sg, `${ptr}/securityGroups/${i}`, ['securityGroup'], vpcId));
      const scheme = lb.scheme ?? 'internal';
      (lb.subnetMappings ?? []).forEach((m, i) => {
        // SubnetMapping (ELB API reference): an Elastic IP (AllocationId) is for an
        // internet-facing Network Load Balancer only.
        if (scheme !== 'internet-facing' && (m.allocationId !== undefined || m.publicIp !== undefined)) {
          report(ctx, 'SUBNET_MAPPING_SHAPE', 'an internal load balancer has no public address; allocationId and publicIp are for internet-facing ones', `${ptr}/subnetMappings/${i}/${m.allocationId !== undefined ? 'allocationId' : 'publicIp'}`, 'key');
        }
      });
      if (lb.type === 'gateway') {
        if (lb.listeners !== undefined) report(ctx, 'LOAD_BALANCER_SHAPE', 'a Gateway Load Balancer has no listeners: it takes all traffic to its targetGroup', `${ptr}/listeners`, 'key');
        if (lb.securityGroups !== undefined) report(ctx, 'LOAD_BALANCER_SHAPE', 'a Gateway Load Balancer has no security groups', `${ptr}/securityGroups`, 'key');
        // CreateLoadBalancer: "You can't specify a scheme for a Gateway Load Balancer."
        // AWS describes every GWLB as internal; internet-facing is not a GWLB at all.
        if (lb.scheme === 'internet-facing') report(ctx, 'LOAD_BALANCER_SHAPE', 'a Gateway Load Balancer cannot be internet-facing: it is reached only through its endpoints', `${ptr}/scheme`);
        if (lb.targetGroup !== undefined) refAt(ctx, lb.targetGroup, `${ptr}/targetGroup`, ['targetGroup'], vpcId);
      } else {
        const name = lb.type === 'application' ? 'an Application' : 'a Network';
        if (lb.targetGroup !== undefined) report(ctx, 'LOAD_BALANCER_SHAPE', `${name} Load Balancer forwards through listeners; move targetGroup into a listener`, `${ptr}/targetGroup`, 'key');
        if (lb.type === 'application') applicationShape(ctx, lb, ptr);
        (lb.listeners ?? []).forEach((l, i) => refAt(ctx, l.targetGroup, `${ptr}/listeners/${i}/targetGroup`, ['targetGroup'], vpcId));
      }
      const span = ctx.map.keyAt(ptr);
      const nodes: string[] = [];
      for (const subnet of subnets) {
        const eniId = `${id}/${subnet.id}`;
        const privateIp = addresses.get(eniId);
        if (!privateIp) continue;
        nodes.push(eniId);
        const sgs = lb.type === 'gateway' ? [] : lb.securityGroups ?? [];
        w.enis.set(eniId, {
          id: eniId, owner: { kind: 'loadBalancer', id }, vpc: vpcId, subnet: subnet.id, az: subnet.az, privateIp, secondaryIps: [],
          publicIp: scheme === 'internet-facing' ? publicIps.get(eniId) ?? allocatePublic(eniId) : undefined, ipv6Ip: undefined,
          securityGroups: sgs, interfaceType: `${lb.type}_load_balancer`, filtered: sgs.length > 0, sourceDestCheck: true, deviceIndex: undefined, denyAllIgwTraffic: false, span,
        });
      }
      const subnetMappings = lb.subnetMappings?.map((m) => ({
        subnet: m.subnet,
        privateIpv4Address: m.privateIpv4Address !== undefined ? addresses.get(`${id}/${m.subnet}`) : undefined,
        allocationId: m.allocationId,
        publicIp: m.publicIp !== undefined ? publicIps.get(`${id}/${m.subnet}`) : undefined,
      }));
      w.loadBalancers.set(id, {
        kind: 'loadBalancer', id, name: lb.name, span, pointer: ptr, written: true, vpc: vpcId, type: lb.type, scheme,
        subnets: subnets.map((s) => s.id), securityGroups: lb.securityGroups ?? [],
        // Cross-zone load balancing is off by default for both NLB and GWLB ("Cross-zone load
        // balancing", Elastic Load Balancing guides); FORMAT.md's GWLB default of true was wrong.
        // An ALB's is always on ("Cross-zone load balancing for target groups", ALB guide:
        // "always turned on at the load balancer level, and cannot be turned off").
        crossZone: lb.type === 'application' ? true : lb.crossZone ?? false,
        enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic ?? true,
        listeners: (lb.listeners ?? []).map((l, i) => ({ port: l.port, protocol: l.protocol as LoadBalancer['listeners'][number]['protocol'], targetGroup: l.targetGroup, span: ctx.map.valueAt(`${ptr}/listeners/${i}`) })),
        targetGroup: lb.targetGroup, nodes, subnetMappings,
      });
    }
    buildNetworkInterfaces(ctx, rv.networkInterfaces ?? {}, vpcId, fabric, w, publicIps);
  }
  return w;
}

function findAt(raw: RawTopology, ptr: string): unknown {
  let cur: unknown = raw;
  for (const seg of ptr.split('/').slice(1)) {
    const key = seg.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = (cur as Record<string, unknown> | undefined)?.[key];
  }
  return cur;
}

/**
 * What an Application Load Balancer must and must not have: security groups ("Security groups
 * for your Application Load Balancer": an ALB always has at least one), cross-zone load
 * balancing always on (it cannot be turned off), and nothing of an NLB's PrivateLink options.
 */
function applicationShape(ctx: BuildContext, lb: RawLoadBalancer, ptr: string): void {
  if (lb.securityGroups === undefined || lb.securityGroups.length === 0) {
    report(ctx, 'LOAD_BALANCER_SHAPE', 'an Application Load Balancer has at least one security group: they filter its clients on the way in and its targets on the way out', lb.securityGroups === undefined ? ptr : `${ptr}/securityGroups`, 'key');
  }
  if (lb.crossZone === false) report(ctx, 'LOAD_BALANCER_SHAPE', 'cross-zone load balancing is always on for an Application Load Balancer and cannot be turned off', `${ptr}/crossZone`);
  if (lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic !== undefined) {
    report(ctx, 'LOAD_BALANCER_SHAPE', 'enforceSecurityGroupInboundRulesOnPrivateLinkTraffic is a Network Load Balancer setting; an Application Load Balancer is no endpoint service (put an NLB with an alb target group in front of it)', `${ptr}/enforceSecurityGroupInboundRulesOnPrivateLinkTraffic`, 'key');
  }
}
