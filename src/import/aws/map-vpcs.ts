// VPCs: CIDR blocks (primary and secondary, IPv6), DNS attributes, owner account, region,
// and the internet gateway attached to each (describe-vpcs, describe-vpc-attribute,
// describe-internet-gateways).
import { regionOfZoneName } from './aws-values.js';
import { claimId, type ImportContext } from './context.js';
import type { JsonReader, Obj } from './json-reader.js';
import { cidrOut } from './normalise-cidr.js';
import { emitted, newVpc } from './output-model.js';
import { cmp } from './problems.js';
import { markCaptured, type IgwRec, type Snapshot, type VpcRec } from './snapshot.js';

/** The region used when nothing in the snapshot names one. */
export const FALLBACK_REGION = 'us-east-1';

const LIVE_BLOCK = new Set(['associated', 'associating']);

/** Vpcs: describe-vpcs. */
export function parseVpcs(r: JsonReader, o: Obj, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'vpcs');
  r.objects(o, 'Vpcs', '$', (v, path) => {
    const id = r.str(v, 'VpcId', path);
    const primary = r.optStr(v, 'CidrBlock', path);
    if (id === undefined) return undefined;
    const blocks = r.objects(v, 'CidrBlockAssociationSet', path, (a, p) => {
      const state = r.optObj(a, 'CidrBlockState', p);
      const live = state === undefined || LIVE_BLOCK.has(String(state['State'] ?? 'associated'));
      const cidr = r.str(a, 'CidrBlock', p);
      return live ? cidr : undefined;
    });
    const cidrs = [...new Set([...(primary !== undefined && (blocks.length === 0 || blocks.includes(primary)) ? [primary] : []), ...blocks])];
    if (cidrs.length === 0) {
      return v['CidrBlock'] === undefined ? r.wrong(`${path}.CidrBlock`, `VPC ${id} has no associated IPv4 CIDR block`) : undefined;
    }
    const ipv6Cidrs = r.objects(v, 'Ipv6CidrBlockAssociationSet', path, (a, p) => {
      const state = r.optObj(a, 'Ipv6CidrBlockState', p);
      const live = state === undefined || LIVE_BLOCK.has(String(state['State'] ?? 'associated'));
      const cidr = r.optStr(a, 'Ipv6CidrBlock', p);
      return live ? cidr : undefined;
    });
    s.vpcs.push({
      id, cidrs, ipv6Cidrs,
      ownerId: r.optStr(v, 'OwnerId', path),
      isDefault: r.optBool(v, 'IsDefault', path) ?? false,
      dnsSupport: r.optBool(v, 'EnableDnsSupport', path),
      dnsHostnames: r.optBool(v, 'EnableDnsHostnames', path),
      src: r.src(path, v),
    });
    return undefined;
  });
}

/** describe-vpc-attribute output ({VpcId, EnableDnsSupport: {Value}}) or a list under VpcAttributes. */
export function parseVpcAttributes(r: JsonReader, o: Obj, path: string, s: Snapshot): void {
  const vpcId = r.str(o, 'VpcId', path);
  if (vpcId === undefined) return;
  s.vpcAttributes.push({
    vpcId,
    dnsSupport: r.optBool(o, 'EnableDnsSupport', path),
    dnsHostnames: r.optBool(o, 'EnableDnsHostnames', path),
    src: r.src(path),
  });
}

/** InternetGateways: describe-internet-gateways. */
export function parseInternetGateways(r: JsonReader, o: Obj, s: Snapshot): void {
  parseGateways(r, o, s, 'InternetGateways', 'InternetGatewayId', 'internetGateways', s.internetGateways);
}

/** EgressOnlyInternetGateways: describe-egress-only-internet-gateways (the same shape). */
export function parseEgressOnlyInternetGateways(r: JsonReader, o: Obj, s: Snapshot): void {
  parseGateways(r, o, s, 'EgressOnlyInternetGateways', 'EgressOnlyInternetGatewayId', 'egressOnlyIgws', s.egressOnlyIgws);
}

function parseGateways(r: JsonReader, o: Obj, s: Snapshot, key: string, idKey: string, family: 'internetGateways' | 'egressOnlyIgws', into: IgwRec[]): void {
  markCaptured(s, r.file.dir, family);
  r.objects(o, key, '$', (g, path) => {
    const id = r.str(g, idKey, path);
    if (id === undefined) return undefined;
    const attachments = r.objects(g, 'Attachments', path, (a, p) => {
      const vpcId = r.str(a, 'VpcId', p);
      return vpcId === undefined ? undefined : { vpcId, state: r.optStr(a, 'State', p) };
    });
    into.push({ id, attachments, src: r.src(path, g) });
    return undefined;
  });
}

function regionOf(s: Snapshot, vpc: VpcRec): string | undefined {
  if (vpc.src.region !== undefined) return vpc.src.region;
  for (const sub of s.subnets.filter((x) => x.vpcId === vpc.id)) {
    const region = (sub.azName !== undefined ? regionOfZoneName(sub.azName) : undefined) ?? sub.arnRegion;
    if (region !== undefined) return region;
  }
  const zone = s.zones.find((z) => z.src.dir === vpc.src.dir && z.region !== undefined);
  return zone?.region;
}

/** Emit every VPC with its account, region, blocks, DNS attributes and internet gateway. */
export function mapVpcs(ctx: ImportContext): void {
  const s = ctx.snapshot;
  const regions = new Map<string, string | undefined>();
  for (const v of s.vpcs) {
    if (!claimId(ctx, v.id, 'VPC', v.src)) continue;
    regions.set(v.id, regionOf(s, v));
    const out = newVpc([v.src.file], v.src.name);
    const f = out.fields;
    const owner = v.ownerId ?? v.src.account;
    if (owner !== undefined && /^\d{12}$/.test(owner)) {
      f.account = owner;
      const acct = ctx.out.accounts.get(owner);
      if (acct) acct.sources.push(v.src.file);
      else ctx.out.accounts.set(owner, emitted(owner, v.src.file));
      if (v.src.account !== undefined && v.src.account !== owner) {
        out.notes.push(`owner ${owner} (OwnerId); the snapshot folder says account ${v.src.account}`);
      }
    }
    const cidrs = v.cidrs.flatMap((c) => cidrOut(ctx, c, v.id, v.src, `${v.src.path}.CidrBlock`) ?? []);
    if (cidrs.length === 1) f.cidr = cidrs[0]!;
    else f.cidrs = cidrs;
    const v6 = v.ipv6Cidrs[0] !== undefined ? cidrOut(ctx, v.ipv6Cidrs[0], v.id, v.src, `${v.src.path}.Ipv6CidrBlockAssociationSet`) : undefined;
    if (v6 !== undefined) {
      f.ipv6Cidr = v6;
      if (v.ipv6Cidrs.length > 1) {
        ctx.problems.warn('FIELD_DROPPED', v.id, v.src.file, `${v.src.path}.Ipv6CidrBlockAssociationSet`,
          `VPC ${v.id} has ${v.ipv6Cidrs.length} IPv6 blocks; format v1 holds one, so only ${v.ipv6Cidrs[0]} is imported (${v.ipv6Cidrs.slice(1).join(', ')} left out)`);
      }
    }
    const attrs = s.vpcAttributes.filter((a) => a.vpcId === v.id);
    const support = v.dnsSupport ?? attrs.map((a) => a.dnsSupport).find((x) => x !== undefined);
    const hostnames = v.dnsHostnames ?? attrs.map((a) => a.dnsHostnames).find((x) => x !== undefined);
    if (support !== undefined) f.enableDnsSupport = support;
    if (hostnames !== undefined) f.enableDnsHostnames = hostnames;
    if (v.isDefault && support === undefined && hostnames === undefined) {
      // "Default VPCs" (Amazon VPC guide): DNS resolution and DNS hostnames are both enabled.
      f.enableDnsSupport = true;
      f.enableDnsHostnames = true;
      out.notes.push('default VPC: AWS enables DNS support and DNS hostnames in it');
    }
    v.dnsSupport = f.enableDnsSupport;
    v.dnsHostnames = f.enableDnsHostnames;
    ctx.out.vpcs.set(v.id, out);
  }
  // The top-level region: the most common VPC region, ties broken by name.
  const counts = new Map<string, number>();
  for (const r of regions.values()) if (r !== undefined) counts.set(r, (counts.get(r) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
  ctx.out.region = ranked[0]?.[0] ?? FALLBACK_REGION;
  if (ranked.length === 0 && s.vpcs.length > 0) {
    ctx.problems.warn('INFERRED_VALUE', 'region', '', '',
      `nothing in the snapshot names a region (no region folder, zone names or ARNs); ${FALLBACK_REGION} is assumed`);
  }
  for (const [vpcId, region] of regions) {
    const r = region ?? ctx.out.region;
    ctx.vpcRegions.set(vpcId, r);
    if (r !== ctx.out.region) ctx.out.vpcs.get(vpcId)!.fields.region = r;
  }
  mapGateways(ctx, ctx.snapshot.internetGateways, 'internetGateway', 'internet gateway');
  // "Egress-only internet gateways" (Amazon VPC guide): attached to one VPC, IPv6 outbound only.
  mapGateways(ctx, ctx.snapshot.egressOnlyIgws, 'egressOnlyInternetGateway', 'egress-only internet gateway');
}

function mapGateways(ctx: ImportContext, gateways: readonly IgwRec[], field: 'internetGateway' | 'egressOnlyInternetGateway', kind: string): void {
  for (const g of gateways) {
    const live = g.attachments.filter((a) => a.state === undefined || a.state === 'available' || a.state === 'attached');
    if (live.length === 0) {
      ctx.problems.warn('UNMODELLED_RESOURCE', g.id, g.src.file, g.src.path,
        `${kind} ${g.id} is not attached to any VPC; it carries no traffic and is left out`);
      continue;
    }
    for (const a of live) {
      const vpc = ctx.out.vpcs.get(a.vpcId);
      if (!vpc) {
        ctx.problems.warn('OUTSIDE_SNAPSHOT', g.id, g.src.file, g.src.path,
          `${kind} ${g.id} is attached to VPC ${a.vpcId}, which is not in the snapshot; left out`);
        continue;
      }
      if (vpc.fields[field] !== undefined || !claimId(ctx, g.id, kind, g.src)) continue;
      vpc.fields[field] = g.id;
      vpc.sources.push(g.src.file);
    }
  }
}
