// Subnets (aws_subnet, aws_default_subnet, data aws_subnet). The VPC comes from vpc_id;
// when that is known only through a local, the unambiguous fallback is CIDR containment
// (the one VPC whose blocks contain the subnet's). The zone is availability_zone_id, else
// availability_zone; AWS picks a zone when neither is configured ("Subnets for your VPC":
// "or let AWS choose an Availability Zone for you"), so vpcsim uses the region's first
// zones in turn, per VPC in plan order (<region>a, b, c: every region has at least three),
// so that subnets a load balancer spans are not all in one zone, and says so (VALUE_UNKNOWN).
import { parseCidr } from '../aws/normalise-cidr.js';
import { cidrOut } from '../aws/normalise-cidr.js';
import { prefixContains } from '../../net/prefix.js';
import { claimAddress, emit } from './emit-resource.js';
import { linkOne } from './link-reference.js';
import { srcOf, warnAt, type PlanContext } from './plan-context.js';
import { knownString, type PlanResource } from './plan-model.js';
import { providerRegion } from './provider-of.js';
import { VPC_TYPES } from './map-plan-vpcs.js';

const ZONE_ASSIGNED = 'zone assigned by vpcsim: AWS chooses one on apply';

/** Resource types that are subnets. */
export const SUBNET_TYPES = ['aws_subnet', 'aws_default_subnet', 'awscc_ec2_subnet'] as const;

function vpcBlocks(ctx: PlanContext, vpc: PlanResource): string[] {
  const f = ctx.out.vpcs.get(vpc.address)?.fields;
  return f ? [...(f.cidrs ?? (f.cidr !== undefined ? [f.cidr] : []))] : [];
}

/** Emit every subnet into its VPC. */
export function mapSubnets(ctx: PlanContext, resources: readonly PlanResource[]): void {
  for (const r of resources) {
    ctx.handled.add(r.address);
    const cidrText = knownString(r, 'cidr_block');
    if (cidrText === undefined) {
      warnAt(ctx, 'VALUE_UNKNOWN', r, `subnet ${r.address} has no cidr_block known at plan time; it is left out with everything in it`);
      continue;
    }
    const own = parseCidr(cidrText);
    const vpcs = ctx.plan.resources.filter((x) => (VPC_TYPES as readonly string[]).includes(x.type) && ctx.out.vpcs.has(x.address));
    const vpcRes = linkOne(ctx, r, {
      attr: 'vpc_id', types: VPC_TYPES, what: 'VPC',
      fallback: {
        rule: "CIDR containment: the VPC whose blocks contain the subnet's",
        candidates: () => vpcs.filter((v) => own !== undefined && vpcBlocks(ctx, v).some((b) => {
          const p = parseCidr(b);
          return p !== undefined && p.family === own.family && p.length <= own.length && prefixContains(p, { family: own.family, value: own.network });
        })),
      },
    });
    const vpc = vpcRes ? ctx.out.vpcs.get(vpcRes.address) : undefined;
    if (!vpc) continue;
    const id = claimAddress(ctx, r, 'subnet');
    if (id === undefined) continue;
    const cidr = cidrOut(ctx.aws, cidrText, id, srcOf(ctx, r), `${r.loc.path}.values.cidr_block`);
    if (cidr === undefined) continue;
    const notes = r.mode === 'data' ? ['data source: an existing subnet the configuration reads'] : [];
    let az = knownString(r, 'availability_zone_id') ?? knownString(r, 'availability_zone');
    if (az === undefined) {
      const region = vpc.fields.region ?? providerRegion(ctx, r) ?? ctx.region;
      const taken = [...vpc.subnets.values()].filter((x) => x.notes.includes(ZONE_ASSIGNED)).length;
      az = `${region}${'abc'[taken % 3]}`;
      notes.push(ZONE_ASSIGNED);
      warnAt(ctx, 'VALUE_UNKNOWN', r, `subnet ${r.address} has no availability_zone at plan time (AWS chooses one on apply); vpcsim places it in ${az}`);
    }
    const v6 = knownString(r, 'ipv6_cidr_block');
    vpc.subnets.set(id, emit(ctx, r, { az, cidr, ...(v6 !== undefined ? { ipv6Cidr: v6 } : {}) }, notes));
    ctx.vpcOfId.set(id, vpc);
  }
}
