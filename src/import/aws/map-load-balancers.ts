// Network, Gateway and Application Load Balancers (elbv2 describe-load-balancers), their
// listeners (describe-listeners, or Batfish's LoadBalancerListeners wrapping them per load
// balancer) and attributes (cross-zone; always on for an ALB, "Cross-zone load balancing for
// target groups", ALB guide). The node addresses AWS gave are written as subnetMappings.
import type { RawListener, RawSubnetMapping } from '../../model/format.js';
import { addressOrWarn } from './claim-address.js';
import { missingReference, type ImportContext } from './context.js';
import type { JsonReader, Obj } from './json-reader.js';
import { Noted, replaceKey, type OutLoadBalancer, type OutVpc } from './output-model.js';
import { idForNamed } from './map-target-groups.js';
import { cmp } from './problems.js';
import { capturedAnywhere, markCaptured, type LoadBalancerRec, type Snapshot } from './snapshot.js';

/** LoadBalancers: elbv2 describe-load-balancers. */
export function parseLoadBalancers(r: JsonReader, o: Obj, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'loadBalancers');
  r.objects(o, 'LoadBalancers', '$', (lb, path) => {
    const arn = r.str(lb, 'LoadBalancerArn', path);
    const name = r.str(lb, 'LoadBalancerName', path);
    if (arn === undefined || name === undefined) return undefined;
    const zones = r.objects(lb, 'AvailabilityZones', path, (z, p) => {
      const subnetId = r.str(z, 'SubnetId', p);
      if (subnetId === undefined) return undefined;
      const addresses = r.objects(z, 'LoadBalancerAddresses', p, (a, ap) => ({
        ip: r.optStr(a, 'IpAddress', ap), privateIp: r.optStr(a, 'PrivateIPv4Address', ap), allocationId: r.optStr(a, 'AllocationId', ap),
      }));
      return { subnetId, zoneName: r.optStr(z, 'ZoneName', p), addresses, path: p };
    });
    const state = r.optObj(lb, 'State', path);
    s.loadBalancers.push({
      arn, name, zones,
      type: (r.optStr(lb, 'Type', path) ?? 'application').toLowerCase(),
      scheme: r.optStr(lb, 'Scheme', path)?.toLowerCase(),
      vpcId: r.optStr(lb, 'VpcId', path),
      groups: r.strings(lb, 'SecurityGroups', path),
      state: state ? r.optStr(state, 'Code', `${path}.State`) : undefined,
      enforceSgOnPrivateLink: r.optStr(lb, 'EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic', path)?.toLowerCase(),
      dnsName: r.optStr(lb, 'DNSName', path)?.toLowerCase(),
      src: r.src(path, lb),
    });
    return undefined;
  });
}

/** Listeners: describe-listeners (each listener names its load balancer). */
export function parseListeners(r: JsonReader, o: Obj, path: string, lbArn: string | undefined, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'listeners');
  r.objects(o, 'Listeners', path, (l, p) => {
    const owner = r.optStr(l, 'LoadBalancerArn', p) ?? lbArn;
    if (owner === undefined) return r.wrong(`${p}.LoadBalancerArn`, 'a listener must name its load balancer (LoadBalancerArn)');
    const targetGroups = r.objects(l, 'DefaultActions', p, (a, ap) => {
      if ((r.optStr(a, 'Type', ap) ?? 'forward').toLowerCase() !== 'forward') return undefined;
      const direct = r.optStr(a, 'TargetGroupArn', ap);
      const config = r.optObj(a, 'ForwardConfig', ap);
      const weighted = config
        ? r.objects(config, 'TargetGroups', `${ap}.ForwardConfig`, (t, tp) => {
          const arn = r.str(t, 'TargetGroupArn', tp);
          return arn === undefined ? undefined : { arn, weight: r.optInt(t, 'Weight', tp) };
        })
        : [];
      return weighted.length > 0 ? weighted : direct !== undefined ? [{ arn: direct, weight: undefined }] : undefined;
    }).flat();
    s.listeners.push({
      lbArn: owner, targetGroups,
      arn: r.optStr(l, 'ListenerArn', p),
      port: r.optInt(l, 'Port', p),
      protocol: r.optStr(l, 'Protocol', p)?.toLowerCase(),
      src: r.src(p),
    });
    return undefined;
  });
}

/** Attributes of one load balancer or target group, with its ARN. */
export function parseAttributes(r: JsonReader, o: Obj, path: string, arn: string, into: 'lb' | 'tg', s: Snapshot): void {
  if (into === 'lb') markCaptured(s, r.file.dir, 'lbAttributes');
  const attributes = new Map<string, string>();
  r.objects(o, 'Attributes', path, (a, p) => {
    const key = r.str(a, 'Key', p);
    const value = r.optStr(a, 'Value', p);
    if (key !== undefined && value !== undefined) attributes.set(key, value);
    return undefined;
  });
  (into === 'lb' ? s.lbAttributes : s.tgAttributes).push({ arn, attributes, src: r.src(path) });
}

const LISTENER_PROTOCOLS = new Set(['tcp', 'udp', 'tcp_udp', 'tls']);
/** An ALB's listeners ("Listeners for your Application Load Balancers"). */
const ALB_LISTENER_PROTOCOLS = new Set(['http', 'https']);

/** Emit every NLB and GWLB of a VPC in the snapshot (after target groups). */
export function mapLoadBalancers(ctx: ImportContext): void {
  const s = ctx.snapshot;
  for (const lb of [...s.loadBalancers].sort((a, b) => cmp(a.arn, b.arn))) {
    if (ctx.lbIds.has(lb.arn)) continue;
    if (lb.type !== 'network' && lb.type !== 'gateway' && lb.type !== 'application') {
      ctx.problems.warn('UNMODELLED_RESOURCE', lb.name, lb.src.file, lb.src.path,
        `${lb.type} load balancer ${lb.name} (${lb.scheme ?? 'scheme unknown'}, ${lb.arn}) is not modelled; verdicts do not account for it or its listeners`);
      continue;
    }
    const vpc = ctx.out.vpcs.get(lb.vpcId ?? '');
    if (!vpc) {
      ctx.problems.warn('OUTSIDE_SNAPSHOT', lb.name, lb.src.file, lb.src.path,
        `load balancer ${lb.name} belongs to VPC ${lb.vpcId ?? '(none)'}, which is not in the snapshot; left out`);
      continue;
    }
    const subnets = lb.zones.filter((z) => {
      if (vpc.subnets.has(z.subnetId)) return true;
      missingReference(ctx, 'subnets', lb.src, `${z.path}.SubnetId`, {
        resource: lb.name, from: `load balancer ${lb.name}`, what: `subnet ${z.subnetId}`, consequence: 'the load balancer has no node there',
      });
      return false;
    }).map((z) => z.subnetId);
    if (subnets.length === 0) continue;
    const id = idForNamed(ctx, lb.name, lb.arn, 'load balancer');
    ctx.lbIds.set(lb.arn, id);
    const value: OutLoadBalancer = { type: lb.type, scheme: lb.scheme === 'internet-facing' ? 'internet-facing' : 'internal', subnets };
    const notes = [lb.arn];
    const sources = [lb.src.file];
    if (lb.type !== 'gateway' && lb.groups.length > 0) {
      value.securityGroups = lb.groups.filter((g) => {
        if (vpc.securityGroups.has(g)) return true;
        missingReference(ctx, 'securityGroups', lb.src, `${lb.src.path}.SecurityGroups`, {
          resource: id, from: `load balancer ${id}`, what: `security group ${g}`, consequence: 'it is left out',
        });
        return false;
      });
      if (lb.type === 'network' && (lb.enforceSgOnPrivateLink === 'on' || lb.enforceSgOnPrivateLink === 'off')) {
        value.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic = lb.enforceSgOnPrivateLink === 'on';
      }
    }
    if (lb.type !== 'application') crossZone(ctx, lb, id, value, notes, sources);
    listeners(ctx, lb, id, value, sources);
    nodeAddresses(ctx, lb, id, value, vpc, notes);
    vpc.loadBalancers.set(id, { value, sources: [...new Set(sources)], notes });
  }
}

function crossZone(ctx: ImportContext, lb: LoadBalancerRec, id: string, value: OutLoadBalancer, notes: string[], sources: string[]): void {
  const attrs = ctx.snapshot.lbAttributes.find((a) => a.arn === lb.arn);
  const v = attrs?.attributes.get('load_balancing.cross_zone.enabled');
  if (attrs) sources.push(attrs.src.file);
  if (v === 'true' || v === 'false') {
    value.crossZone = v === 'true';
    return;
  }
  // "Cross-zone load balancing" (ELB guide): off by default for Network and Gateway Load Balancers.
  value.crossZone = false;
  notes.push('cross-zone: attributes not in the snapshot; the AWS default (off) is written');
  ctx.problems.warn('INFERRED_VALUE', id, lb.src.file, lb.src.path,
    `the attributes of load balancer ${id} are not in the snapshot (elbv2 describe-load-balancer-attributes); cross-zone load balancing is taken to be off, the AWS default`);
}

function listeners(ctx: ImportContext, lb: LoadBalancerRec, id: string, value: OutLoadBalancer, sources: string[]): void {
  const mine = ctx.snapshot.listeners.filter((l) => l.lbArn === lb.arn);
  if (mine.length === 0) {
    if (!capturedAnywhere(ctx.snapshot, 'listeners')) {
      ctx.problems.warn('MISSING_DESCRIBE_CALL', id, lb.src.file, lb.src.path,
        `the listeners of load balancer ${id} are not in the snapshot (elbv2 describe-listeners); verdicts see a load balancer that forwards nothing`);
    }
    return;
  }
  const out: Noted<RawListener>[] = [];
  for (const l of [...mine].sort((a, b) => (a.port ?? 0) - (b.port ?? 0) || cmp(a.protocol ?? '', b.protocol ?? ''))) {
    sources.push(l.src.file);
    const first = [...l.targetGroups].sort((a, b) => (b.weight ?? 1) - (a.weight ?? 1))[0];
    if (first === undefined) {
      ctx.problems.warn('FIELD_DROPPED', id, l.src.file, l.src.path, `a listener of ${id} on port ${l.port ?? '?'} does not forward to a target group; left out`);
      continue;
    }
    const tg = ctx.tgIds.get(first.arn);
    if (tg === undefined) {
      if (!ctx.snapshot.targetGroups.some((t) => t.arn === first.arn)) {
        missingReference(ctx, 'targetGroups', l.src, `${l.src.path}.DefaultActions`, {
          resource: id, from: `a listener of load balancer ${id}`, what: `target group ${first.arn}`, consequence: 'the listener is left out',
        });
      }
      continue;
    }
    if (l.targetGroups.length > 1) {
      ctx.problems.warn('FIELD_DROPPED', id, l.src.file, l.src.path,
        `a listener of ${id} forwards to ${l.targetGroups.length} weighted target groups; format v1 holds one, so only ${tg} (the heaviest) is imported`);
    }
    if (lb.type === 'gateway') {
      value.targetGroup = tg;
      continue;
    }
    const allowed = lb.type === 'application' ? ALB_LISTENER_PROTOCOLS : LISTENER_PROTOCOLS;
    if (l.port === undefined || l.protocol === undefined || !allowed.has(l.protocol)) {
      ctx.problems.warn('FIELD_DROPPED', id, l.src.file, l.src.path,
        `a listener of ${id} (${l.protocol ?? '?'} ${l.port ?? '?'}) is not ${lb.type === 'application' ? 'an HTTP or HTTPS' : 'a TCP, UDP, TCP_UDP or TLS'} listener; left out`);
      continue;
    }
    out.push(new Noted({ port: l.port, protocol: l.protocol, targetGroup: tg }));
  }
  if (lb.type !== 'gateway') value.listeners = out;
}

// The node addresses AWS gave: each node's interface (describe-network-interfaces names it
// "ELB <type>/<name>/<id>") and the LoadBalancerAddresses of an NLB (its private IPv4 and
// Elastic IP per zone). They are written as subnetMappings, so the nodes keep them.
function nodeAddresses(ctx: ImportContext, lb: LoadBalancerRec, id: string, value: OutLoadBalancer, vpc: OutVpc, notes: string[]): void {
  const suffix = lb.arn.split(':loadbalancer/')[1];
  const enis = ctx.snapshot.enis.filter((e) => suffix !== undefined && e.description === `ELB ${suffix}`);
  const mappings: RawSubnetMapping[] = [];
  let pinned = false;
  for (const subnetId of value.subnets ?? []) {
    const zone = lb.zones.find((z) => z.subnetId === subnetId);
    const eni = enis.filter((e) => e.subnetId === subnetId).sort((a, b) => cmp(a.id, b.id))[0];
    const listed = zone?.addresses.find((a) => a.privateIp !== undefined || a.ip !== undefined || a.allocationId !== undefined);
    const m: { -readonly [K in keyof RawSubnetMapping]: RawSubnetMapping[K] } = { subnet: subnetId };
    const cidr = vpc.subnets.get(subnetId)?.value.cidr;
    const privateIp = listed?.privateIp ?? eni?.privateIp;
    const src = eni?.src ?? lb.src;
    if (privateIp !== undefined && addressOrWarn(ctx, {
      text: privateIp, owner: id, subnet: cidr !== undefined ? { id: subnetId, cidr } : undefined, space: 'private',
      what: `the node address in ${subnetId}`, src, path: eni ? `${eni.src.path}.PrivateIpAddress` : `${zone?.path ?? lb.src.path}.LoadBalancerAddresses`,
    })) m.privateIpv4Address = privateIp;
    if (value.scheme === 'internet-facing') {
      if (listed?.allocationId !== undefined) m.allocationId = listed.allocationId;
      const publicIp = listed?.ip ?? eni?.publicIp;
      if (publicIp !== undefined && addressOrWarn(ctx, {
        text: publicIp, owner: id, subnet: undefined, space: 'public', what: `the public node address in ${subnetId}`, src,
        path: eni && listed?.ip === undefined ? `${eni.src.path}.Association.PublicIp` : `${zone?.path ?? lb.src.path}.LoadBalancerAddresses`,
      })) m.publicIp = publicIp;
    }
    if (Object.keys(m).length > 1) pinned = true;
    mappings.push(m);
  }
  if (!pinned) return;
  replaceKey(value, 'subnets', 'subnetMappings', mappings);
  const ids = enis.map((e) => e.id).sort(cmp);
  if (ids.length > 0) notes.push(`node interfaces: ${ids.join(', ')}`);
}
