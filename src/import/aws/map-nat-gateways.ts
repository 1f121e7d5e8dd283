// NAT gateways (describe-nat-gateways): subnet, connectivity, and the primary private and
// public address. Gateways that no longer carry traffic (deleting, deleted, failed) are
// history, not estate: they are left out (a route to one shows State blackhole anyway).
import { addressOrWarn } from './claim-address.js';
import { claimId, missingReference, type ImportContext } from './context.js';
import type { JsonReader, Obj } from './json-reader.js';
import { emitted } from './output-model.js';
import { cmp } from './problems.js';
import { markCaptured, type Snapshot } from './snapshot.js';

const GONE = new Set(['deleting', 'deleted', 'failed']);

/** NatGateways: describe-nat-gateways. */
export function parseNatGateways(r: JsonReader, o: Obj, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'natGateways');
  r.objects(o, 'NatGateways', '$', (n, path) => {
    const id = r.str(n, 'NatGatewayId', path);
    const vpcId = r.str(n, 'VpcId', path);
    const subnetId = r.str(n, 'SubnetId', path);
    if (id === undefined || vpcId === undefined || subnetId === undefined) return undefined;
    const addresses = r.objects(n, 'NatGatewayAddresses', path, (a, p) => ({
      privateIp: r.optStr(a, 'PrivateIp', p),
      publicIp: r.optStr(a, 'PublicIp', p),
      eniId: r.optStr(a, 'NetworkInterfaceId', p),
      primary: r.optBool(a, 'IsPrimary', p),
    }));
    s.natGateways.push({
      id, vpcId, subnetId, addresses,
      state: r.optStr(n, 'State', path)?.toLowerCase(),
      connectivity: r.optStr(n, 'ConnectivityType', path)?.toLowerCase(),
      src: r.src(path, n),
    });
    return undefined;
  });
}

/** Emit every live NAT gateway of a VPC in the snapshot, claiming its addresses first. */
export function mapNatGateways(ctx: ImportContext): void {
  const live = ctx.snapshot.natGateways.filter((n) => !GONE.has(n.state ?? '')).sort((a, b) => cmp(a.id, b.id));
  for (const n of live) {
    const vpc = ctx.out.vpcs.get(n.vpcId);
    if (!vpc) {
      ctx.problems.warn('OUTSIDE_SNAPSHOT', n.id, n.src.file, n.src.path,
        `NAT gateway ${n.id} belongs to VPC ${n.vpcId}, which is not in the snapshot; left out`);
      continue;
    }
    const subnet = vpc.subnets.get(n.subnetId);
    if (!subnet) {
      missingReference(ctx, 'subnets', n.src, `${n.src.path}.SubnetId`, {
        resource: n.id, from: `NAT gateway ${n.id}`, what: `subnet ${n.subnetId}`, consequence: 'the NAT gateway is left out',
      });
      continue;
    }
    if (!claimId(ctx, n.id, 'NAT gateway', n.src)) continue;
    const connectivity = n.connectivity === 'private' ? 'private' : 'public';
    const value: { subnet: string; connectivity: 'public' | 'private'; privateIp?: string; publicIp?: string } = { subnet: n.subnetId, connectivity };
    const primaryIndex = Math.max(0, n.addresses.findIndex((a) => a.primary === true));
    const primary = n.addresses[primaryIndex];
    const at = `${n.src.path}.NatGatewayAddresses[${primaryIndex}]`;
    const sub = { id: n.subnetId, cidr: subnet.value.cidr };
    if (primary?.privateIp !== undefined &&
      addressOrWarn(ctx, { text: primary.privateIp, owner: n.id, subnet: sub, space: 'private', what: 'the private IP', src: n.src, path: `${at}.PrivateIp` })) {
      value.privateIp = primary.privateIp;
    }
    if (connectivity === 'public' && primary?.publicIp !== undefined &&
      addressOrWarn(ctx, { text: primary.publicIp, owner: n.id, subnet: undefined, space: 'public', what: 'the public IP', src: n.src, path: `${at}.PublicIp` })) {
      value.publicIp = primary.publicIp;
    }
    if (n.addresses.length > 1) {
      const others = n.addresses.filter((_, i) => i !== primaryIndex).map((a) => a.privateIp ?? a.publicIp ?? '?');
      ctx.problems.warn('FIELD_DROPPED', n.id, n.src.file, `${n.src.path}.NatGatewayAddresses`,
        `NAT gateway ${n.id} has ${n.addresses.length} addresses; format v1 holds one, so ${others.join(', ')} are left out`);
    }
    vpc.natGateways.set(n.id, emitted(value, n.src.file, [], n.src.name));
  }
}
