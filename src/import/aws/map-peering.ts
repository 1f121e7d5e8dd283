// VPC peering connections (describe-vpc-peering-connections): requester, accepter and the
// status code. A connection appears in the files of both accounts of a cross-account
// peering; the first record (by path) is used. A connection whose other VPC is not in the
// snapshot cannot be written (both ends must be VPCs of the file): it is named in a
// warning, and routes through it stop at it, an unmodelled target. Connections that are over (deleted,
// rejected, failed, expired) and reach outside the snapshot are history: left out quietly.
import { prefixesOverlap } from '../../net/prefix.js';
import { parseCidr } from './normalise-cidr.js';
import { peeringStatusOf } from './aws-values.js';
import { claimId, type ImportContext } from './context.js';
import type { JsonReader, Obj } from './json-reader.js';
import { emitted } from './output-model.js';
import { markCaptured, type PeerSideRec, type Snapshot } from './snapshot.js';

const OVER = new Set(['deleted', 'rejected', 'failed', 'expired']);

function side(r: JsonReader, o: Obj, key: string, path: string): PeerSideRec | undefined {
  const info = r.optObj(o, key, path);
  if (!info) return r.wrong(`${path}.${key}`, `missing "${key}", which AWS always gives`);
  const vpcId = r.str(info, 'VpcId', `${path}.${key}`);
  if (vpcId === undefined) return undefined;
  return { vpcId, ownerId: r.optStr(info, 'OwnerId', `${path}.${key}`), region: r.optStr(info, 'Region', `${path}.${key}`) };
}

/** VpcPeeringConnections: describe-vpc-peering-connections. */
export function parsePeerings(r: JsonReader, o: Obj, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'peerings');
  r.objects(o, 'VpcPeeringConnections', '$', (p, path) => {
    const id = r.str(p, 'VpcPeeringConnectionId', path);
    const requester = side(r, p, 'RequesterVpcInfo', path);
    const accepter = side(r, p, 'AccepterVpcInfo', path);
    if (id === undefined || !requester || !accepter) return undefined;
    const status = r.optObj(p, 'Status', path);
    s.peerings.push({ id, requester, accepter, status: status ? r.optStr(status, 'Code', `${path}.Status`) : undefined, src: r.src(path, p) });
    return undefined;
  });
}

function overlap(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => {
    const p = parseCidr(x);
    const q = parseCidr(y);
    return p !== undefined && q !== undefined && prefixesOverlap(p, q);
  }));
}

function blocks(ctx: ImportContext, vpcId: string): string[] {
  const f = ctx.out.vpcs.get(vpcId)!.fields;
  return [...(f.cidrs ?? (f.cidr !== undefined ? [f.cidr] : [])), ...(f.ipv6Cidr !== undefined ? [f.ipv6Cidr] : [])];
}

/** Emit every peering connection between two VPCs of the snapshot. */
export function mapPeerings(ctx: ImportContext): void {
  const seen = new Map<string, string | undefined>();
  for (const p of ctx.snapshot.peerings) {
    const status = p.status !== undefined ? peeringStatusOf(p.status) : undefined;
    if (seen.has(p.id)) {
      if (seen.get(p.id) !== status) {
        ctx.problems.warn('CONFLICTING_RECORDS', p.id, p.src.file, p.src.path,
          `peering connection ${p.id} has status ${p.status} here and ${seen.get(p.id)} in an earlier file; the earlier one is used`);
      }
      continue;
    }
    seen.set(p.id, status);
    if (p.status !== undefined && status === undefined) {
      ctx.problems.error('WRONG_SHAPE', p.src.file, `${p.src.path}.Status.Code`, `"${p.status}" is not a peering status`);
      continue;
    }
    const inside = ctx.out.vpcs.has(p.requester.vpcId) && ctx.out.vpcs.has(p.accepter.vpcId);
    if (!inside) {
      if (OVER.has(status ?? '')) continue;
      const missing = [p.requester, p.accepter].filter((x) => !ctx.out.vpcs.has(x.vpcId))
        .map((x) => `${x.vpcId}${x.ownerId ? ` (account ${x.ownerId}${x.region ? `, ${x.region}` : ''})` : ''}`);
      ctx.problems.warn('OUTSIDE_SNAPSHOT', p.id, p.src.file, p.src.path,
        `peering connection ${p.id} (${status ?? 'status unknown'}) reaches VPC ${missing.join(' and ')}, which is not in the snapshot; it is left out and routes through it keep it as their target, under unmodelled:`);
      continue;
    }
    if (status !== 'active' && overlap(blocks(ctx, p.requester.vpcId), blocks(ctx, p.accepter.vpcId))) {
      ctx.problems.warn('FIELD_DROPPED', p.id, p.src.file, p.src.path,
        `peering connection ${p.id} (${status}) joins VPCs with overlapping CIDR blocks, which format v1 refuses; it carries no traffic and is left out`);
      continue;
    }
    if (!claimId(ctx, p.id, 'peering connection', p.src)) continue;
    ctx.out.peeringConnections.set(p.id, emitted(
      { requester: p.requester.vpcId, accepter: p.accepter.vpcId, ...(status !== undefined ? { status } : {}) },
      p.src.file, [], p.src.name,
    ));
  }
}
