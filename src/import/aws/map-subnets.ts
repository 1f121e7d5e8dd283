// Subnets and their Availability Zone IDs (describe-subnets, describe-availability-zones).
// PrivateLink matches zones by ID (use1-az1), the same in every account, so the zone ID is
// used whenever the snapshot gives it; the zone name (us-east-1a) otherwise.
import { regionOfArn } from './aws-values.js';
import { claimId, type ImportContext } from './context.js';
import type { JsonReader, Obj } from './json-reader.js';
import { prefixCovers } from '../../net/prefix.js';
import { cidrOut, parseCidr } from './normalise-cidr.js';
import { emitted } from './output-model.js';
import { markCaptured, type Snapshot } from './snapshot.js';

/** Subnets: describe-subnets. */
export function parseSubnets(r: JsonReader, o: Obj, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'subnets');
  r.objects(o, 'Subnets', '$', (v, path) => {
    const id = r.str(v, 'SubnetId', path);
    const vpcId = r.str(v, 'VpcId', path);
    const cidr = r.str(v, 'CidrBlock', path);
    if (id === undefined || vpcId === undefined || cidr === undefined) return undefined;
    const ipv6Cidrs = r.objects(v, 'Ipv6CidrBlockAssociationSet', path, (a, p) => {
      const state = r.optObj(a, 'Ipv6CidrBlockState', p);
      const live = state === undefined || ['associated', 'associating'].includes(String(state['State'] ?? 'associated'));
      const block = r.optStr(a, 'Ipv6CidrBlock', p);
      return live ? block : undefined;
    });
    const arn = r.optStr(v, 'SubnetArn', path);
    s.subnets.push({
      id, vpcId, cidr, ipv6Cidrs,
      azId: r.optStr(v, 'AvailabilityZoneId', path),
      azName: r.optStr(v, 'AvailabilityZone', path),
      arnRegion: arn !== undefined ? regionOfArn(arn) : undefined,
      src: r.src(path, v),
    });
    return undefined;
  });
}

/** AvailabilityZones: describe-availability-zones (zone name -> zone id). */
export function parseZones(r: JsonReader, o: Obj, s: Snapshot): void {
  r.objects(o, 'AvailabilityZones', '$', (z, path) => {
    const name = r.str(z, 'ZoneName', path);
    if (name === undefined) return undefined;
    s.zones.push({ name, id: r.optStr(z, 'ZoneId', path), region: r.optStr(z, 'RegionName', path), src: r.src(path) });
    return undefined;
  });
}

function insideVpcIpv6(vpcBlock: string | undefined, block: string): boolean {
  const outer = vpcBlock !== undefined ? parseCidr(vpcBlock) : undefined;
  const inner = parseCidr(block);
  return outer !== undefined && inner !== undefined && prefixCovers(outer, inner);
}

/** Emit every subnet of a VPC in the snapshot. */
export function mapSubnets(ctx: ImportContext): void {
  const s = ctx.snapshot;
  for (const sub of s.subnets) {
    const vpc = ctx.out.vpcs.get(sub.vpcId);
    if (!vpc) {
      ctx.problems.warn('OUTSIDE_SNAPSHOT', sub.id, sub.src.file, sub.src.path,
        `subnet ${sub.id} (${sub.cidr}) belongs to VPC ${sub.vpcId}, which is not in the snapshot; left out`);
      continue;
    }
    if (!claimId(ctx, sub.id, 'subnet', sub.src)) continue;
    const zoneId = sub.azId ?? s.zones.find((z) => z.src.dir === sub.src.dir && z.name === sub.azName)?.id;
    const az = zoneId ?? sub.azName;
    if (az === undefined) {
      ctx.problems.error('WRONG_SHAPE', sub.src.file, sub.src.path, `subnet ${sub.id} has neither AvailabilityZoneId nor AvailabilityZone`);
      continue;
    }
    const cidr = cidrOut(ctx, sub.cidr, sub.id, sub.src, `${sub.src.path}.CidrBlock`);
    if (cidr === undefined) continue;
    const value: { az: string; cidr: string; ipv6Cidr?: string } = { az, cidr };
    const v6 = sub.ipv6Cidrs[0] !== undefined ? cidrOut(ctx, sub.ipv6Cidrs[0], sub.id, sub.src, `${sub.src.path}.Ipv6CidrBlockAssociationSet[0]`) : undefined;
    if (v6 !== undefined && insideVpcIpv6(vpc.fields.ipv6Cidr, v6)) value.ipv6Cidr = v6;
    else if (v6 !== undefined) {
      ctx.problems.warn('FIELD_DROPPED', sub.id, sub.src.file, `${sub.src.path}.Ipv6CidrBlockAssociationSet`,
        `subnet ${sub.id}: its IPv6 block ${v6} is not inside the one IPv6 block format v1 holds for VPC ${sub.vpcId} (${vpc.fields.ipv6Cidr ?? 'none'}); left out`);
    }
    const notes = zoneId === undefined ? [`zone name ${az}: the snapshot gives no zone ID (PrivateLink matches zones by ID)`] : [];
    vpc.subnets.set(sub.id, emitted(value, sub.src.file, notes, sub.src.name));
  }
}
