// Route tables (describe-route-tables): the main association, subnet associations
// (-> subnet.routeTable), gateway (edge) associations, and routes. The local routes are
// implicit in format v1 and not written; a gateway endpoint's prefix-list route is added by
// the endpoint itself, so the table goes into the endpoint's routeTables instead. A route
// whose target vpcsim cannot follow (transit gateway, VPN gateway, a peering or instance
// outside the snapshot...) keeps its AWS target, named under `unmodelled:`: the
// longest-prefix match still picks it, and a trace that takes it stops there saying its
// verdict rests on an unmodelled part (unmodelled-target.ts), never a silent blackhole.
import type { RawRoute } from '../../model/format.js';
import { claimId, missingReference, noteUnfollowed, type ImportContext } from './context.js';
import type { JsonReader, Obj } from './json-reader.js';
import { instanceOfEni } from './map-instances.js';
import { prefixListRef } from './map-prefix-lists.js';
import { cidrOut } from './normalise-cidr.js';
import { emitted, Noted, type OutVpc } from './output-model.js';
import { isCaptured, markCaptured, type RouteRec, type RouteTableRec, type Snapshot } from './snapshot.js';
import { unmodelledTarget } from './unmodelled-target.js';

/** RouteTables: describe-route-tables. */
export function parseRouteTables(r: JsonReader, o: Obj, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'routeTables');
  r.objects(o, 'RouteTables', '$', (t, path) => {
    const id = r.str(t, 'RouteTableId', path);
    const vpcId = r.str(t, 'VpcId', path);
    if (id === undefined || vpcId === undefined) return undefined;
    const associations = r.objects(t, 'Associations', path, (a, p) => {
      const state = r.optObj(a, 'AssociationState', p);
      return {
        main: r.optBool(a, 'Main', p) ?? false,
        subnetId: r.optStr(a, 'SubnetId', p),
        gatewayId: r.optStr(a, 'GatewayId', p),
        state: state ? r.optStr(state, 'State', `${p}.AssociationState`) : undefined,
        path: p,
      };
    });
    const routes = r.objects(t, 'Routes', path, (x, p): RouteRec => ({
      destCidr: r.optStr(x, 'DestinationCidrBlock', p),
      destIpv6: r.optStr(x, 'DestinationIpv6CidrBlock', p),
      destPrefixList: r.optStr(x, 'DestinationPrefixListId', p),
      gatewayId: r.optStr(x, 'GatewayId', p),
      natGatewayId: r.optStr(x, 'NatGatewayId', p),
      peeringId: r.optStr(x, 'VpcPeeringConnectionId', p),
      transitGatewayId: r.optStr(x, 'TransitGatewayId', p),
      instanceId: r.optStr(x, 'InstanceId', p),
      eniId: r.optStr(x, 'NetworkInterfaceId', p),
      egressOnlyIgwId: r.optStr(x, 'EgressOnlyInternetGatewayId', p),
      otherTarget: r.optStr(x, 'CarrierGatewayId', p) ?? r.optStr(x, 'LocalGatewayId', p) ?? r.optStr(x, 'CoreNetworkArn', p),
      state: r.optStr(x, 'State', p)?.toLowerCase(),
      origin: r.optStr(x, 'Origin', p),
      path: p,
    }));
    const propagatingVgws = r.objects(t, 'PropagatingVgws', path, (v, p) => r.optStr(v, 'GatewayId', p));
    s.routeTables.push({ id, vpcId, associations, routes, propagatingVgws, src: r.src(path, t) });
    return undefined;
  });
}

/** Emit every route table of a VPC in the snapshot (after endpoints, instances, NAT and peering). */
export function mapRouteTables(ctx: ImportContext): void {
  for (const t of ctx.snapshot.routeTables) {
    const vpc = ctx.out.vpcs.get(t.vpcId);
    if (!vpc) {
      ctx.problems.warn('OUTSIDE_SNAPSHOT', t.id, t.src.file, t.src.path, `route table ${t.id} belongs to VPC ${t.vpcId}, which is not in the snapshot; left out`);
      continue;
    }
    if (!claimId(ctx, t.id, 'route table', t.src)) continue;
    const table = emitted<{ main?: boolean; gatewayAssociation?: string; propagatingVgws?: string[]; routes: Noted<RawRoute>[] }>({ routes: [] }, t.src.file, [], t.src.name);
    vpc.routeTables.set(t.id, table);
    for (const a of t.associations) {
      if (a.state !== undefined && a.state !== 'associated') continue;
      if (a.main) table.value.main = true;
      if (a.subnetId !== undefined) {
        const subnet = vpc.subnets.get(a.subnetId);
        if (subnet) subnet.value.routeTable = t.id;
        else if (!ctx.snapshot.subnets.some((x) => x.id === a.subnetId)) {
          missingReference(ctx, 'subnets', t.src, `${a.path}.SubnetId`, {
            resource: t.id, from: `route table ${t.id}`, what: `subnet ${a.subnetId}`, consequence: 'the association is left out',
          });
        }
      }
      if (a.gatewayId !== undefined) {
        if (a.gatewayId === vpc.fields.internetGateway) table.value.gatewayAssociation = a.gatewayId;
        else {
          ctx.problems.warn('UNMODELLED_RESOURCE', t.id, t.src.file, `${a.path}.GatewayId`,
            `route table ${t.id} is the edge route table of ${a.gatewayId}; format v1 models edge associations with the VPC's internet gateway only, so verdicts do not account for it`);
        }
      }
    }
    // Route propagation: the model derives the propagated routes from the gateway's connections.
    const propagating = t.propagatingVgws.filter((g) => ctx.out.virtualPrivateGateways.get(g)?.value.vpc === t.vpcId);
    if (propagating.length > 0) table.value.propagatingVgws = propagating;
    const dropped = t.propagatingVgws.filter((g) => !propagating.includes(g));
    if (dropped.length > 0) table.notes.push(`propagation from ${dropped.join(', ')} left out: not a gateway of this VPC in the snapshot`);
    for (const r of t.routes) {
      // Propagated routes are the gateway's: the model derives them (propagatingVgws).
      if (r.origin === 'EnableVgwRoutePropagation' && r.gatewayId !== undefined && propagating.includes(r.gatewayId)) continue;
      const route = routeOf(ctx, vpc, t, r);
      if (route) table.value.routes.push(route);
    }
  }
}

function blocksOf(vpc: OutVpc): string[] {
  const f = vpc.fields;
  return [...(f.cidrs ?? (f.cidr !== undefined ? [f.cidr] : [])), ...(f.ipv6Cidr !== undefined ? [f.ipv6Cidr] : [])];
}

function routeOf(ctx: ImportContext, vpc: OutVpc, t: RouteTableRec, r: RouteRec): Noted<RawRoute> | undefined {
  const written = r.destCidr ?? r.destIpv6 ?? r.destPrefixList;
  if (written === undefined) {
    ctx.problems.error('WRONG_SHAPE', t.src.file, r.path, 'a route has no DestinationCidrBlock, DestinationIpv6CidrBlock or DestinationPrefixListId');
    return undefined;
  }
  if (r.gatewayId === 'local' && blocksOf(vpc).includes(written)) return undefined;
  // "Gateway endpoints" (Amazon VPC guide): the endpoint owns its prefix-list route.
  if (r.destPrefixList !== undefined && r.gatewayId?.startsWith('vpce-')) {
    const endpoint = vpc.endpoints.get(r.gatewayId);
    if (endpoint?.value.type === 'gateway') {
      const tables = endpoint.value.routeTables ?? [];
      if (!tables.includes(t.id)) endpoint.value.routeTables = [...tables, t.id];
      return undefined;
    }
  }
  let destination = written;
  if (r.destPrefixList === undefined) {
    const cidr = cidrOut(ctx, written, t.id, t.src, r.path);
    if (cidr === undefined) return undefined;
    destination = cidr;
  } else {
    const ref = prefixListRef(ctx, r.destPrefixList, t.src, `${r.path}.DestinationPrefixListId`, t.id, `route table ${t.id}`);
    if (ref === undefined) return undefined;
    destination = ref;
  }
  const awsTarget = r.transitGatewayId ?? r.natGatewayId ?? r.peeringId ?? r.instanceId ?? r.egressOnlyIgwId ?? r.gatewayId ?? r.eniId ?? r.otherTarget;
  if (r.state === 'blackhole') {
    return new Noted({ destination, target: 'blackhole' }, `AWS: State blackhole${awsTarget ? ` (target ${awsTarget} is gone)` : ''}`);
  }
  if (awsTarget === undefined) {
    ctx.problems.error('WRONG_SHAPE', t.src.file, r.path, 'a route has no target (GatewayId, NatGatewayId, VpcPeeringConnectionId, TransitGatewayId, InstanceId, NetworkInterfaceId...)');
    return undefined;
  }
  const target = targetOf(ctx, vpc, t, r, awsTarget);
  if (target.id !== undefined) return new Noted({ destination, target: target.id }, target.note);
  const why = target.why ?? 'not modelled';
  const id = unmodelledTarget(ctx, awsTarget, why, t.src.file);
  noteUnfollowed(ctx, awsTarget, { routeTable: t.id, destination: written, why, blackhole: id === undefined, src: t.src, path: r.path });
  if (id === undefined) return new Noted({ destination, target: 'blackhole' }, `AWS target: ${awsTarget} (${why}); imported as blackhole`);
  return new Noted({ destination, target: id }, `AWS target: ${awsTarget} (${why}); vpcsim does not follow it`);
}

interface TargetAnswer {
  readonly id?: string;
  readonly note?: string;
  /** Why vpcsim cannot follow the target, when id is undefined. */
  readonly why?: string;
}

function targetOf(ctx: ImportContext, vpc: OutVpc, t: RouteTableRec, r: RouteRec, awsTarget: string): TargetAnswer {
  const s = ctx.snapshot;
  const missing = (family: Parameters<typeof missingReference>[1], what: string): TargetAnswer => {
    missingReference(ctx, family, t.src, r.path, { resource: t.id, from: `route table ${t.id}`, what, consequence: 'the route targets it as an unmodelled target' });
    return { why: 'not in the snapshot' };
  };
  if (r.transitGatewayId !== undefined) {
    if (ctx.out.transitGateways.has(r.transitGatewayId)) return { id: r.transitGatewayId };
    return { why: ctx.snapshot.tgw.gateways.some((g) => g.id === r.transitGatewayId) ? 'transit gateway not imported' : 'transit gateway not in the snapshot' };
  }
  if (r.natGatewayId !== undefined) {
    if (vpc.natGateways.has(r.natGatewayId)) return { id: r.natGatewayId };
    if (s.natGateways.some((n) => n.id === r.natGatewayId)) return { why: 'NAT gateway not imported' };
    return missing('natGateways', `NAT gateway ${r.natGatewayId}`);
  }
  if (r.peeringId !== undefined) {
    const p = ctx.out.peeringConnections.get(r.peeringId);
    if (p && (p.value.requester === t.vpcId || p.value.accepter === t.vpcId)) return { id: r.peeringId };
    if (s.peerings.some((x) => x.id === r.peeringId)) return { why: 'peering connection to a VPC outside the snapshot' };
    return missing('peerings', `peering connection ${r.peeringId}`);
  }
  if (r.instanceId !== undefined || r.eniId !== undefined) {
    // A route to a network interface ("Example routing options", Amazon VPC guide): an
    // instance's secondary interface or a standalone one imported as a networkInterfaces entry
    // is the target itself (AWS also gives the InstanceId of an attached one); a primary
    // interface stands for its instance.
    if (r.eniId !== undefined && vpc.networkInterfaces.has(r.eniId)) return { id: r.eniId };
    const instance = r.instanceId ?? instanceOfEni(s, r.eniId!);
    if (instance !== undefined && vpc.instances.has(instance)) {
      return { id: instance, ...(r.instanceId === undefined ? { note: `AWS target: network interface ${r.eniId} of ${instance}` } : {}) };
    }
    if (instance !== undefined) {
      return s.instances.some((i) => i.id === instance) ? { why: 'instance not imported' } : missing('instances', `instance ${instance}`);
    }
    const eni = s.enis.find((e) => e.id === r.eniId);
    if (eni) return { why: `network interface of ${eni.description || eni.type || 'an unmodelled resource'}, not modelled` };
    return missing('enis', `network interface ${r.eniId}`);
  }
  if (r.egressOnlyIgwId !== undefined) {
    if (vpc.fields.egressOnlyInternetGateway === r.egressOnlyIgwId) return { id: r.egressOnlyIgwId };
    if (ctx.snapshot.egressOnlyIgws.some((g) => g.id === r.egressOnlyIgwId)) return { why: 'egress-only internet gateway not attached to this VPC' };
    if (isCaptured(ctx.snapshot, t.src.dir, 'egressOnlyIgws')) return missing('egressOnlyIgws', `egress-only internet gateway ${r.egressOnlyIgwId}`);
    // As for internet gateways: AWS routes to one only while it is attached to the VPC.
    if (vpc.fields.egressOnlyInternetGateway !== undefined || !claimId(ctx, r.egressOnlyIgwId, 'egress-only internet gateway', t.src)) return { why: 'a second egress-only internet gateway for one VPC' };
    vpc.fields.egressOnlyInternetGateway = r.egressOnlyIgwId;
    vpc.notes.push(`egress-only internet gateway ${r.egressOnlyIgwId} inferred from the active route to it in ${t.id}`);
    ctx.problems.warn('INFERRED_VALUE', r.egressOnlyIgwId, t.src.file, r.path,
      `egress-only internet gateway ${r.egressOnlyIgwId} is not in the snapshot (no describe-egress-only-internet-gateways); route table ${t.id} has an active route to it, which AWS allows only while it is attached, so it is written as VPC ${t.vpcId}'s egress-only internet gateway`);
    return { id: r.egressOnlyIgwId };
  }
  const g = r.gatewayId;
  if (g?.startsWith('igw-')) return internetGateway(ctx, vpc, t, r, g);
  if (g?.startsWith('vpce-')) {
    if (vpc.endpoints.has(g)) return { id: g };
    if (s.endpoints.some((e) => e.id === g)) return { why: 'endpoint not imported' };
    return missing('endpoints', `endpoint ${g}`);
  }
  if (g?.startsWith('vgw-')) {
    const vgw = ctx.out.virtualPrivateGateways.get(g);
    if (vgw?.value.vpc === t.vpcId) return { id: g };
    if (vgw) return { why: 'virtual private gateway not attached to this VPC' };
    return s.vpn.gateways.some((x) => x.id === g) ? { why: 'virtual private gateway not imported' } : missing('vpnGateways', `virtual private gateway ${g}`);
  }
  return { why: 'a target vpcsim does not model' };
}

function internetGateway(ctx: ImportContext, vpc: OutVpc, t: RouteTableRec, r: RouteRec, igw: string): TargetAnswer {
  if (vpc.fields.internetGateway === igw) return { id: igw };
  const rec = ctx.snapshot.internetGateways.find((g) => g.id === igw);
  if (rec) return { why: 'internet gateway not attached to this VPC' };
  if (isCaptured(ctx.snapshot, t.src.dir, 'internetGateways')) {
    missingReference(ctx, 'internetGateways', t.src, r.path, { resource: t.id, from: `route table ${t.id}`, what: `internet gateway ${igw}`, consequence: '' });
    return { why: 'not in the snapshot' };
  }
  // AWS accepts a route to an internet gateway only while it is attached to the VPC, and
  // the route turns blackhole when it is detached: an active route shows the attachment.
  if (vpc.fields.internetGateway !== undefined || !claimId(ctx, igw, 'internet gateway', t.src)) return { why: 'a second internet gateway for one VPC' };
  vpc.fields.internetGateway = igw;
  vpc.notes.push(`internet gateway ${igw} inferred from the active route to it in ${t.id}`);
  ctx.problems.warn('INFERRED_VALUE', igw, t.src.file, r.path,
    `internet gateway ${igw} is not in the snapshot (no describe-internet-gateways); route table ${t.id} has an active route to it, which AWS allows only while it is attached, so it is written as VPC ${t.vpcId}'s internet gateway`);
  return { id: igw };
}
