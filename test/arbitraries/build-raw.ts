// A topology plan -> a raw format-v1 topology (the object a YAML file holds). Every
// reference is resolved modulo the list it points into, and whatever AWS would refuse is
// left out (two routes to one destination, a route that repeats a local route, a written
// route to the S3 prefix list in a table the S3 gateway endpoint already adds it to).
import type { RawAclRule, RawLoadBalancer, RawRoute, RawSgRule, RawTargetGroup, RawTopology, RawVpc } from '../../src/model/format.js';
import type { AclRulePlan, CidrPlan, InstancePlan, PortsPlan, SgRulePlan, TopologyPlan, VpcPlan } from './plan.js';

/** The AWS-managed S3 prefix list of us-east-1, by name and by id. */
export const S3_PREFIX_LIST = { name: 'com.amazonaws.us-east-1.s3', id: 'pl-63a5400a' } as const;
const DYNAMODB_PREFIX_LIST = 'com.amazonaws.us-east-1.dynamodb';

/** Element `i` of a list, wrapping around; undefined for an empty list. */
export function pick<T>(list: readonly T[], i: number): T | undefined {
  return list.length === 0 ? undefined : list[i % list.length];
}

/** Dotted quad of a 32-bit value. */
export function dotted(v: number): string {
  return [24, 16, 8, 0].map((s) => (v >>> s) & 255).join('.');
}

/** The CIDR `value/length` with host bits cleared. */
export function maskedCidr(value: number, length: number): string {
  const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
  return `${dotted((value & mask) >>> 0)}/${length}`;
}

interface Names {
  readonly vpcIds: readonly string[];
  readonly vpcCidrs: readonly string[];
  readonly subnetCidrs: readonly string[];
  readonly hostIps: readonly string[];
  /** Secondary private addresses of every instance and interface. */
  readonly secondaryIps: readonly string[];
  readonly securityGroups: readonly string[];
  readonly prefixLists: readonly string[];
}

function cidrText(c: CidrPlan, n: Names): string {
  switch (c.kind) {
    case 'any': return '0.0.0.0/0';
    case 'vpc': return pick(n.vpcCidrs, c.vpc) ?? '0.0.0.0/0';
    case 'subnet': return pick(n.subnetCidrs, c.subnet) ?? '0.0.0.0/0';
    case 'host': {
      const ip = pick(n.hostIps, c.host);
      return ip ? `${ip}/32` : '192.0.2.0/24';
    }
    case 'secondary': {
      const ip = pick(n.secondaryIps, c.address);
      return ip ? `${ip}/32` : '10.0.0.0/8';
    }
    case 'random': return maskedCidr(c.value, c.length);
    default: {
      const never: never = c;
      return never;
    }
  }
}

/** The `ports` of a rule plan (ICMP types kept within 0-255). */
export function portsOf(protocol: string, p: PortsPlan): { ports?: number | string } {
  if (protocol === 'all' || p === null) return {};
  // For ICMP the range is of ICMP types, 0-255 (PORT_RANGE otherwise).
  const fit = (n: number): number => (protocol === 'icmp' || protocol === 'icmpv6' ? n % 256 : n);
  if (typeof p === 'number') return { ports: fit(p) };
  const [a, b] = [fit(p[0]), fit(p[1])].sort((x, y) => x - y);
  return { ports: `${a}-${b}` };
}

function sgRule(r: SgRulePlan, n: Names): RawSgRule {
  const base = { protocol: r.protocol, ...portsOf(r.protocol, r.ports) };
  switch (r.peer.kind) {
    case 'cidr': return { ...base, cidr: cidrText(r.peer.cidr, n) };
    case 'prefixList': return { ...base, prefixList: pick(n.prefixLists, r.peer.list)! };
    case 'securityGroup': {
      const sg = pick(n.securityGroups, r.peer.group);
      return sg ? { ...base, securityGroup: sg } : { ...base, cidr: '0.0.0.0/0' };
    }
    default: {
      const never: never = r.peer;
      return never;
    }
  }
}

function aclRule(r: AclRulePlan, n: Names): RawAclRule {
  return { rule: r.rule, action: r.action, protocol: r.protocol, ...portsOf(r.protocol, r.ports), cidr: cidrText(r.cidr, n) };
}

function vpcIdsOf(i: number, v: VpcPlan) {
  const p = `v${i}`;
  return {
    vpc: p,
    igw: `${p}-igw`,
    nat: `${p}-nat`,
    s3: `${p}-s3`,
    subnets: v.subnets.map((_, j) => `${p}-s${j}`),
    routeTables: v.routeTables.map((_, j) => `${p}-rt${j}`),
    securityGroups: v.securityGroups.map((_, j) => `${p}-sg${j}`),
    networkAcls: v.networkAcls.map((_, j) => `${p}-acl${j}`),
    instances: v.instances.map((_, j) => `${p}-i${j}`),
    networkInterfaces: v.networkInterfaces.map((_, j) => `${p}-eni${j}`),
    attached: v.attached.map((_, j) => `${p}-x${j}`),
  };
}

function subnetCidr(v: VpcPlan, s: { octet: number; secondary: boolean }): string {
  if (!s.secondary) return `10.${v.octet}.${s.octet}.0/24`;
  // Without a secondary block, "secondary" subnets move up the primary one, so they stay unique.
  return v.secondary ? `100.${64 + v.octet}.${s.octet}.0/24` : `10.${v.octet}.${16 + s.octet}.0/24`;
}

/**
 * Secondary addresses of interface `j` of a VPC (instances first, then network interfaces):
 * offsets 100 + 4j + k of its subnet, clear of written primaries (4-29) and the loader's picks.
 */
function secondaryIpsOf(v: VpcPlan, inst: InstancePlan, j: number): string[] {
  const s = pick(v.subnets, inst.subnet)!;
  return Array.from({ length: inst.secondaryIps }, (_, k) => subnetCidr(v, s).replace(/\.0\/24$/, `.${100 + 4 * j + k}`));
}

/** Every interface plan of a VPC: instances, then network interfaces. */
function interfacePlans(v: VpcPlan): InstancePlan[] {
  return [...v.instances, ...v.networkInterfaces];
}

/** The distinct items, first occurrence first. */
export function parseCidr(text: string): { value: number; length: number } | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(text);
  if (!m) return undefined;
  return { value: ((+m[1]! * 256 + +m[2]!) * 256 + +m[3]!) * 256 + +m[4]!, length: +m[5]! };
}

/** Whether CIDR text `outer` holds every address of `inner` (false for prefix lists). */
export function cidrCovers(outer: string, inner: string): boolean {
  const a = parseCidr(outer);
  const b = parseCidr(inner);
  if (!a || !b || a.length > b.length) return false;
  const size = 2 ** (32 - a.length);
  return Math.floor(a.value / size) === Math.floor(b.value / size);
}

const RESERVED_FOR_AWS = '169.254.168.0/22';

// Routes AWS refuses ("Subnet route tables", rules; CreateRoute): one more specific than a
// local route must match a whole subnet and target a NAT gateway or a network interface (an
// instance, a standalone or attached interface); nothing may point into 169.254.168.0/22.
function routeAllowed(
  destination: string, target: string, ownCidrs: readonly string[], subnets: readonly string[],
  x: { nat: string; instances: readonly string[]; networkInterfaces: readonly string[]; attached: readonly string[] },
): boolean {
  if (cidrCovers(RESERVED_FOR_AWS, destination)) return false;
  if (!ownCidrs.some((c) => cidrCovers(c, destination))) return true;
  return subnets.includes(destination) && (target === x.nat || [...x.instances, ...x.networkInterfaces, ...x.attached].includes(target));
}

export function uniq<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

function ownSgs(v: VpcPlan, x: { vpc: string; securityGroups: readonly string[] }): readonly string[] {
  return v.securityGroups.length > 0 ? x.securityGroups : [`${x.vpc}/default-sg`];
}

/**
 * An Application Load Balancer ("Application Load Balancers", ELB guide): one subnet per AZ,
 * a security group always, HTTP/HTTPS listeners to instance, ip (instances' written
 * addresses) or Lambda groups; maybe an NLB in front of it with a target group of type alb
 * on the ALB's first listener port. An internet-facing one needs the VPC's internet gateway.
 */
function albOf(
  v: VpcPlan, x: { vpc: string; instances: readonly string[] }, subnets: Record<string, { az: string }>,
  instances: Record<string, { privateIp?: string }>, sgs: readonly string[],
): { loadBalancers: Record<string, RawLoadBalancer>; targetGroups: Record<string, RawTargetGroup> } {
  const plan = v.alb!;
  const ids = Object.keys(subnets);
  const zones = new Set<string>();
  const albSubnets = plan.subnets.map((k) => pick(ids, k)!).filter((id) => {
    if (zones.has(subnets[id]!.az)) return false;
    zones.add(subnets[id]!.az);
    return true;
  });
  const tgIds = plan.targetGroups.map((_, j) => `${x.vpc}-alb-tg${j}`);
  const targetGroups: Record<string, RawTargetGroup> = {};
  plan.targetGroups.forEach((g, j) => {
    if (g.targetType === 'lambda') {
      targetGroups[tgIds[j]!] = { protocol: 'http', targetType: 'lambda', targets: [{ lambda: `fn-${x.vpc}-${j}` }] };
      return;
    }
    const chosen = uniq(g.targets.map((k) => pick(x.instances, k)!));
    const targets = g.targetType === 'instance'
      ? chosen.map((id) => ({ instance: id }))
      : uniq(chosen.map((id) => instances[id]!.privateIp).filter((ip): ip is string => ip !== undefined)).map((ip) => ({ ip }));
    targetGroups[tgIds[j]!] = { protocol: 'http', port: g.port, ...(g.targetType === 'ip' ? { targetType: 'ip' as const } : {}), targets };
  });
  const alb = `${x.vpc}-alb`;
  const loadBalancers: Record<string, RawLoadBalancer> = {
    [alb]: {
      type: 'application',
      ...(plan.internetFacing && v.igw ? { scheme: 'internet-facing' as const } : {}),
      subnets: albSubnets,
      securityGroups: [pick(sgs, plan.securityGroup)!],
      listeners: plan.listeners.map((l) => ({ port: l.port, protocol: l.protocol, targetGroup: pick(tgIds, l.targetGroup)! })),
    },
  };
  if (plan.nlbFront) {
    const port = plan.listeners[0]!.port;
    loadBalancers[`${x.vpc}-nlb`] = { type: 'network', subnets: albSubnets, listeners: [{ port, protocol: 'tcp', targetGroup: `${x.vpc}-nlb-tg` }] };
    targetGroups[`${x.vpc}-nlb-tg`] = { protocol: 'tcp', port, targetType: 'alb', targets: [{ loadBalancer: alb }] };
  }
  return { loadBalancers, targetGroups };
}

/** Build the raw topology a plan describes. */
export function buildRaw(plan: TopologyPlan): RawTopology {
  const ids = plan.vpcs.map((v, i) => vpcIdsOf(i, v));
  const hostIps = plan.hosts.map((_, k) => `192.0.2.${10 + k}`);
  const customerLists = plan.prefixLists.map((_, k) => `pl-corp${k}`);
  const names: Names = {
    vpcIds: ids.map((x) => x.vpc),
    vpcCidrs: plan.vpcs.flatMap((v) => [`10.${v.octet}.0.0/16`, ...(v.secondary ? [`100.${64 + v.octet}.0.0/16`] : [])]),
    subnetCidrs: plan.vpcs.flatMap((v) => v.subnets.map((s) => subnetCidr(v, s))),
    hostIps,
    secondaryIps: plan.vpcs.flatMap((v) => interfacePlans(v).flatMap((inst, j) => secondaryIpsOf(v, inst, j))),
    securityGroups: ids.flatMap((x) => x.securityGroups),
    prefixLists: [...customerLists, S3_PREFIX_LIST.name, S3_PREFIX_LIST.id, DYNAMODB_PREFIX_LIST],
  };

  const peerings: Record<string, { requester: string; accepter: string; status?: string }> = {};
  const routed = new Set<string>();
  for (const p of plan.peerings) {
    const a = p.a % plan.vpcs.length;
    const b = (a + 1 + p.b) % plan.vpcs.length;
    const id = `pcx-${Math.min(a, b)}-${Math.max(a, b)}`;
    if (a === b || peerings[id]) continue;
    if (p.routed) routed.add(id);
    peerings[id] = { requester: ids[a]!.vpc, accepter: ids[b]!.vpc, ...(p.active ? {} : { status: 'pending-acceptance' }) };
  }

  const primary = new Map(plan.vpcs.map((v, i) => [ids[i]!.vpc, `10.${v.octet}.0.0/16`]));
  let publicCount = 0;
  const vpcs: Record<string, RawVpc> = {};
  plan.vpcs.forEach((v, i) => {
    const x = ids[i]!;
    const ownCidrs = [`10.${v.octet}.0.0/16`, ...(v.secondary ? [`100.${64 + v.octet}.0.0/16`] : [])];
    const s3Tables = v.s3 === null ? [] : uniq(v.s3.map((k) => pick(x.routeTables, k)).filter((t): t is string => t !== undefined));
    const myPeerings = Object.entries(peerings)
      .filter(([, p]) => p.requester === x.vpc || p.accepter === x.vpc)
      .map(([id, p]) => ({ id, cidr: primary.get(p.requester === x.vpc ? p.accepter : p.requester)!, routed: routed.has(id) }));
    // A rule names a group of its own VPC or of one peered by an active connection (AWS
    // refuses any other: SG_REFERENCE_NOT_PEERED).
    const peeredVpcs = new Set(Object.values(peerings).filter((p) => p.status === undefined && (p.requester === x.vpc || p.accepter === x.vpc)).flatMap((p) => [p.requester, p.accepter]));
    const ruleNames: Names = { ...names, securityGroups: ids.filter((o) => o.vpc === x.vpc || peeredVpcs.has(o.vpc)).flatMap((o) => o.securityGroups) };
    const targets = [
      ...(v.igw ? [x.igw] : []),
      ...(v.nat ? [x.nat] : []),
      ...myPeerings.map((p) => p.id),
      ...x.instances,
      ...x.networkInterfaces,
      ...x.attached,
      'blackhole',
    ];
    const ownSubnetCidrs = v.subnets.map((sp) => subnetCidr(v, sp));
    const mainIndex = v.routeTables.findIndex((t) => t.main);
    const routeTables: Record<string, { main?: boolean; routes: RawRoute[] }> = {};
    v.routeTables.forEach((t, j) => {
      const seen = new Set<string>(ownCidrs);
      const routes: RawRoute[] = [];
      for (const r of t.routes) {
        const peer = r.dest.kind === 'peer' ? pick(myPeerings, r.dest.peering) : undefined;
        if (r.dest.kind === 'peer' && !peer) continue;
        const destination = peer ? peer.cidr : r.dest.kind === 'cidr' ? cidrText(r.dest.cidr, names) : r.dest.kind === 'prefixList' ? pick(names.prefixLists, r.dest.list)! : '';
        const key = destination === S3_PREFIX_LIST.name ? S3_PREFIX_LIST.id : destination;
        if (seen.has(key) || (key === S3_PREFIX_LIST.id && s3Tables.includes(x.routeTables[j]!))) continue;
        const target = peer ? peer.id : pick(targets, r.target)!;
        if (!routeAllowed(destination, target, ownCidrs, ownSubnetCidrs, x)) continue;
        seen.add(key);
        routes.push({ destination, target });
      }
      for (const p of myPeerings) {
        if (p.routed && !seen.has(p.cidr)) routes.push({ destination: p.cidr, target: p.id });
      }
      routeTables[x.routeTables[j]!] = { ...(j === mainIndex ? { main: true } : {}), routes };
    });
    const subnets = Object.fromEntries(v.subnets.map((s, j) => {
      const rt = s.routeTable === null ? undefined : pick(x.routeTables, s.routeTable);
      const acl = s.networkAcl === null ? undefined : pick(x.networkAcls, s.networkAcl);
      return [x.subnets[j]!, {
        az: `use1-az${s.az + 1}`, cidr: subnetCidr(v, s),
        ...(rt !== undefined ? { routeTable: rt } : {}), ...(acl !== undefined ? { networkAcl: acl } : {}),
      }];
    }));
    // Written private addresses: offsets in the subnet, each used once (later ones are dropped).
    const usedIps = new Set<string>();
    const privateIp = (subnet: string, offset: number | null): { privateIp?: string } => {
      if (offset === null) return {};
      const ip = subnets[subnet]!.cidr.replace(/\.0\/24$/, `.${offset}`);
      if (usedIps.has(ip)) return {};
      usedIps.add(ip);
      return { privateIp: ip };
    };
    const natSubnet = v.nat ? pick(x.subnets, v.nat.subnet)! : '';
    const nat = v.nat
      ? {
        subnet: natSubnet,
        ...(v.nat.connectivity === 'private' ? { connectivity: 'private' as const } : {}),
        ...privateIp(natSubnet, v.nat.privateIp),
        ...(v.nat.connectivity === 'public' && v.nat.publicIp ? { publicIp: `203.0.113.${200 + i}` } : {}),
      }
      : undefined;
    const interfaceOf = (inst: InstancePlan, j: number) => {
      const sgs = inst.securityGroups === null ? [] : uniq(inst.securityGroups.map((k) => pick(x.securityGroups, k)).filter((s): s is string => s !== undefined));
      const subnet = pick(x.subnets, inst.subnet)!;
      const secondary = secondaryIpsOf(v, inst, j);
      return {
        subnet,
        ...privateIp(subnet, inst.privateIp),
        ...(secondary.length > 0 ? { secondaryPrivateIps: secondary } : {}),
        ...(inst.publicIp ? { publicIp: `203.0.113.${10 + publicCount++}` } : {}),
        ...(sgs.length > 0 ? { securityGroups: sgs } : {}),
        ...(inst.sourceDestCheck ? {} : { sourceDestCheck: false }),
      };
    };
    const instances = Object.fromEntries(v.instances.map((inst, j) => [x.instances[j]!, interfaceOf(inst, j)]));
    const standalone = v.networkInterfaces.map((ni, j) => [x.networkInterfaces[j]!, interfaceOf(ni, v.instances.length + j)] as const);
    // Secondary interfaces: each in a subnet of its instance's AZ (ATTACHMENT_ZONE otherwise).
    const attached = v.attached.map((a, j) => {
      const instance = pick(x.instances, a.instance)!;
      const az = subnets[instances[instance]!.subnet]!.az;
      const sameZone = x.subnets.filter((id) => subnets[id]!.az === az);
      const sgs = a.securityGroups === null ? [] : uniq(a.securityGroups.map((k) => pick(x.securityGroups, k)).filter((g): g is string => g !== undefined));
      return [x.attached[j]!, {
        subnet: pick(sameZone, a.subnet)!, instance,
        ...(sgs.length > 0 ? { securityGroups: sgs } : {}),
        ...(a.sourceDestCheck ? {} : { sourceDestCheck: false }),
      }] as const;
    });
    const networkInterfaces = Object.fromEntries([...standalone, ...attached]);
    // An interface endpoint to an AWS service: one subnet per AZ.
    const zones = new Set<string>();
    const epSubnets = (v.awsInterface?.subnets ?? []).map((k) => pick(x.subnets, k)!).filter((id) => {
      const az = subnets[id]!.az;
      if (zones.has(az)) return false;
      zones.add(az);
      return true;
    });
    const epSg = v.awsInterface?.securityGroup == null ? undefined : pick(x.securityGroups, v.awsInterface.securityGroup);
    const awsInterface = v.awsInterface
      ? { type: 'interface' as const, service: `com.amazonaws.us-east-1.${v.awsInterface.service}`, subnets: epSubnets, ...(epSg ? { securityGroups: [epSg] } : {}) }
      : undefined;
    const lbs = v.alb ? albOf(v, x, subnets, instances, ownSgs(v, x)) : undefined;
    vpcs[x.vpc] = {
      ...(v.secondary ? { cidrs: ownCidrs } : { cidr: ownCidrs[0]! }),
      ...(v.dnsHostnames ? { enableDnsHostnames: true } : {}),
      ...(v.igw ? { internetGateway: x.igw } : {}),
      subnets,
      ...(v.routeTables.length > 0 ? { routeTables } : {}),
      ...(nat ? { natGateways: { [x.nat]: nat } } : {}),
      ...(v.securityGroups.length > 0
        ? { securityGroups: Object.fromEntries(v.securityGroups.map((g, j) => [x.securityGroups[j]!, {
          ingress: g.ingress.map((r) => sgRule(r, ruleNames)),
          ...(g.egress !== null ? { egress: g.egress.map((r) => sgRule(r, ruleNames)) } : {}),
        }])) }
        : {}),
      ...(v.networkAcls.length > 0
        ? { networkAcls: Object.fromEntries(v.networkAcls.map((a, j) => [x.networkAcls[j]!, {
          ingress: a.ingress.map((r) => aclRule(r, names)),
          egress: a.egress.map((r) => aclRule(r, names)),
        }])) }
        : {}),
      instances,
      ...(Object.keys(networkInterfaces).length > 0 ? { networkInterfaces } : {}),
      ...(lbs ? lbs : {}),
      ...(v.s3 !== null || awsInterface
        ? { endpoints: {
          ...(v.s3 !== null ? { [x.s3]: { type: 'gateway' as const, service: S3_PREFIX_LIST.name, routeTables: s3Tables } } : {}),
          ...(awsInterface ? { [`${x.vpc}-${v.awsInterface!.service}`]: awsInterface } : {}),
        } }
        : {}),
    };
  });

  const firstInstances = Object.values(vpcs).flatMap((v) => Object.keys(v.instances ?? {}));
  return {
    version: 1,
    name: 'generated',
    region: 'us-east-1',
    vpcs,
    ...(Object.keys(peerings).length > 0 ? { peeringConnections: peerings } : {}),
    ...(plan.prefixLists.length > 0
      ? { prefixLists: Object.fromEntries(plan.prefixLists.map((entries, k) => [customerLists[k]!, { entries: uniq(entries.map((c) => cidrText(c, names))) }])) }
      : {}),
    ...(plan.hosts.length > 0
      ? { internet: Object.fromEntries(plan.hosts.map((h, k) => [`host${k}`, { ip: hostIps[k]!, ...(h.dns ? { dns: `host${k}.example.com` } : {}) }])) }
      : {}),
    ...(plan.checks.length > 0
      ? { checks: plan.checks.map((c, k) => ({ name: `check ${k}`, from: pick(firstInstances, c.from)!, to: `${pick(firstInstances, c.to)!}:${c.port}` })) }
      : {}),
  };
}
