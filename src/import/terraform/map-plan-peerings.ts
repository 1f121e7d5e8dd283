// VPC peering (aws_vpc_peering_connection, aws_vpc_peering_connection_accepter) and
// customer-managed prefix lists (aws_ec2_managed_prefix_list, _entry). AWS provider docs,
// aws_vpc_peering_connection: auto_accept accepts the request when both VPCs are in the
// same account and region; otherwise the accepter side must accept it
// (aws_vpc_peering_connection_accepter with auto_accept = true). Until then the
// connection is pending-acceptance and carries no traffic ("VPC peering connection
// lifecycle", Amazon VPC Peering guide).
import { cidrOut } from '../aws/normalise-cidr.js';
import { emitted } from '../aws/output-model.js';
import { claimAddress, idOf } from './emit-resource.js';
import { linkOne } from './link-reference.js';
import { sourceOf, srcOf, warnAt, type PlanContext } from './plan-context.js';
import { blocks, knownBool, knownString, type PlanResource } from './plan-model.js';
import { VPC_TYPES } from './map-plan-vpcs.js';

/** Peering connections. */
export function mapPeerings(ctx: PlanContext, resources: readonly PlanResource[]): void {
  const accepters = resources.filter((x) => x.type === 'aws_vpc_peering_connection_accepter');
  for (const r of resources.filter((x) => x.type === 'aws_vpc_peering_connection')) {
    ctx.handled.add(r.address);
    const requester = idOf(ctx, linkOne(ctx, r, { attr: 'vpc_id', types: VPC_TYPES, what: 'VPC' }));
    const accepter = idOf(ctx, linkOne(ctx, r, { attr: 'peer_vpc_id', types: VPC_TYPES, what: 'VPC' }));
    if (requester === undefined || accepter === undefined) {
      warnAt(ctx, 'OUTSIDE_PLAN', r, `peering connection ${r.address} joins a VPC the plan does not hold; left out`);
      continue;
    }
    const acc = accepters.find((a) => linkOne(ctx, a, { attr: 'vpc_peering_connection_id', types: ['aws_vpc_peering_connection'], what: 'peering connection' }) === r);
    if (acc) ctx.handled.add(acc.address);
    const active = knownBool(r, 'auto_accept') === true || (acc !== undefined && knownBool(acc, 'auto_accept') === true);
    const id = claimAddress(ctx, r, 'peering connection');
    if (id === undefined) continue;
    const e = emitted({ requester, accepter, status: active ? 'active' : 'pending-acceptance' }, sourceOf(ctx, r),
      active ? [] : ['not accepted in this plan (no auto_accept): pending-acceptance'], r.nameTag);
    ctx.locs.set(e.value, r.loc);
    ctx.out.peeringConnections.set(id, e);
  }
  for (const a of accepters) ctx.handled.add(a.address);
}

/** Customer-managed prefix lists with their entries. */
export function mapPrefixLists(ctx: PlanContext, resources: readonly PlanResource[]): void {
  const lists = new Map<string, (string | { cidr: string; description: string })[]>();
  for (const r of resources.filter((x) => x.type === 'aws_ec2_managed_prefix_list')) {
    const id = claimAddress(ctx, r, 'prefix list');
    if (id === undefined) continue;
    const entries = blocks(r, 'entry').flatMap((b): (string | { cidr: string; description: string })[] => {
      const cidr = typeof b['cidr'] === 'string' ? cidrOut(ctx.aws, b['cidr'], id, srcOf(ctx, r), r.loc.path) : undefined;
      if (cidr === undefined) return [];
      return typeof b['description'] === 'string' && b['description'] !== '' ? [{ cidr, description: b['description'] }] : [cidr];
    });
    const name = knownString(r, 'name');
    const e = emitted({ ...(name !== undefined ? { name } : {}), entries }, sourceOf(ctx, r), [], r.nameTag);
    ctx.locs.set(e.value, r.loc);
    ctx.out.prefixLists.set(id, e);
    lists.set(r.address, entries);
  }
  for (const r of resources.filter((x) => x.type === 'aws_ec2_managed_prefix_list_entry')) {
    ctx.handled.add(r.address);
    const list = lists.get(linkOne(ctx, r, { attr: 'prefix_list_id', types: ['aws_ec2_managed_prefix_list'], what: 'prefix list' })?.address ?? '');
    const cidr = knownString(r, 'cidr');
    const out = cidr === undefined ? undefined : cidrOut(ctx.aws, cidr, r.address, srcOf(ctx, r), r.loc.path);
    if (list && out !== undefined) list.push(out);
  }
}
