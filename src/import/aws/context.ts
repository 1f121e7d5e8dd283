// What every mapper shares: the snapshot, the topology being built, the problems being
// collected, indexes of the snapshot by id, the ids already taken in the output, and the
// routes to targets vpcsim cannot follow (named later in the warning about their target).
import { isFormatId } from './aws-values.js';
import type { Src } from './json-reader.js';
import type { OutTopology, OutVpc } from './output-model.js';
import type { Problems } from './problems.js';
import { isCaptured, type Family, type Snapshot } from './snapshot.js';

/** A route vpcsim cannot follow: written to an `unmodelled:` target, or to a blackhole. */
export interface UnfollowedRoute {
  readonly routeTable: string;
  readonly destination: string;
  /** Why vpcsim cannot follow the target. */
  readonly why: string;
  /** Written as a blackhole: the target's id names another resource of the output. */
  readonly blackhole: boolean;
  readonly src: Src;
  readonly path: string;
}

/** Shared state of one import. */
export interface ImportContext {
  readonly snapshot: Snapshot;
  readonly problems: Problems;
  readonly out: OutTopology;
  /** Ids written to the output, with their kind, so generated ids never collide. */
  readonly ids: Map<string, string>;
  /** Region of every VPC in the output. */
  readonly vpcRegions: Map<string, string>;
  /** Routes vpcsim cannot follow, by the AWS target they named. */
  readonly unfollowed: Map<string, UnfollowedRoute[]>;
  /** Load balancer ARN -> output id; target group ARN -> output id. */
  readonly lbIds: Map<string, string>;
  readonly tgIds: Map<string, string>;
  /** Addresses written so far (key: family and value) -> the resource holding it. */
  readonly addresses: Map<string, string>;
}

/** The describe call behind each family, for messages. */
export const FAMILY_CALLS: Record<Family, string> = {
  vpcs: 'describe-vpcs (Vpcs)',
  subnets: 'describe-subnets (Subnets)',
  routeTables: 'describe-route-tables (RouteTables)',
  securityGroups: 'describe-security-groups (SecurityGroups)',
  networkAcls: 'describe-network-acls (NetworkAcls)',
  internetGateways: 'describe-internet-gateways (InternetGateways)',
  egressOnlyIgws: 'describe-egress-only-internet-gateways (EgressOnlyInternetGateways)',
  instances: 'describe-instances (Reservations)',
  enis: 'describe-network-interfaces (NetworkInterfaces)',
  natGateways: 'describe-nat-gateways (NatGateways)',
  endpoints: 'describe-vpc-endpoints (VpcEndpoints)',
  serviceConfigs: 'describe-vpc-endpoint-service-configurations (ServiceConfigurations)',
  servicePermissions: 'describe-vpc-endpoint-service-permissions (AllowedPrincipals)',
  peerings: 'describe-vpc-peering-connections (VpcPeeringConnections)',
  prefixLists: 'describe-prefix-lists (PrefixLists)',
  managedPrefixLists: 'describe-managed-prefix-lists (ManagedPrefixLists)',
  loadBalancers: 'elbv2 describe-load-balancers (LoadBalancers)',
  listeners: 'elbv2 describe-listeners (Listeners)',
  lbAttributes: 'elbv2 describe-load-balancer-attributes (Attributes)',
  targetGroups: 'elbv2 describe-target-groups (TargetGroups)',
  targetHealth: 'elbv2 describe-target-health (TargetHealthDescriptions)',
  transitGateways: 'describe-transit-gateways (TransitGateways)',
  vpnGateways: 'describe-vpn-gateways (VpnGateways)',
};

/** The VPC in the output, when the snapshot holds it. */
export function outVpc(ctx: ImportContext, vpcId: string | undefined): OutVpc | undefined {
  return vpcId === undefined ? undefined : ctx.out.vpcs.get(vpcId);
}

/**
 * Take an id in the output. False when it cannot be written: taken by a record of the same
 * kind (the same resource seen in two files: the first, by path, is used), taken by another
 * kind (a warning), or not a format v1 id (an error; AWS ids always are).
 */
export function claimId(ctx: ImportContext, id: string, kind: string, src?: Src): boolean {
  const taken = ctx.ids.get(id);
  if (taken === kind) return false;
  if (taken !== undefined) {
    if (src) {
      ctx.problems.warn('CONFLICTING_RECORDS', id, src.file, src.path,
        `${kind} ${id} has the id of a ${taken} already imported; ids are unique in a topology, so the ${kind} is left out`);
    }
    return false;
  }
  if (!isFormatId(id)) {
    if (src) ctx.problems.error('WRONG_SHAPE', src.file, src.path, `"${id}" is not an AWS id (letters, digits, '.', '_' and '-')`);
    return false;
  }
  ctx.ids.set(id, kind);
  return true;
}

/**
 * A reference that does not resolve. When the referencing file's folder holds the describe
 * call that would list the target, the snapshot contradicts itself: UNKNOWN_REFERENCE (an
 * error). Otherwise the snapshot is partial: an OUTSIDE_SNAPSHOT warning, and the caller
 * leaves the reference out.
 */
export function missingReference(
  ctx: ImportContext,
  family: Family,
  src: Src,
  path: string,
  ref: { readonly resource: string; readonly from: string; readonly what: string; readonly consequence: string },
): void {
  const { resource, from, what, consequence } = ref;
  if (isCaptured(ctx.snapshot, src.dir, family)) {
    ctx.problems.error(
      'UNKNOWN_REFERENCE',
      src.file,
      path,
      `${from} names ${what}, which is not in the snapshot: ${FAMILY_CALLS[family]} in ${src.dir === '' ? 'the snapshot folder' : src.dir + '/'} does not list it`,
    );
    return;
  }
  ctx.problems.warn(
    'OUTSIDE_SNAPSHOT',
    resource,
    src.file,
    path,
    `${from} names ${what}, but the snapshot has no ${FAMILY_CALLS[family]} for it; ${consequence}`,
  );
}

/** Record a route whose target vpcsim cannot follow. */
export function noteUnfollowed(ctx: ImportContext, target: string, route: UnfollowedRoute): void {
  const list = ctx.unfollowed.get(target) ?? [];
  list.push(route);
  ctx.unfollowed.set(target, list);
}

/**
 * DEFAULT_SECURITY_GROUP: none of a resource's security groups is in the snapshot (no
 * describe-security-groups), so it is written without them and gets the VPC's default group.
 */
export function defaultGroupWarning(ctx: ImportContext, resource: string, src: Src, what: string, groups: readonly string[]): void {
  ctx.problems.warn('DEFAULT_SECURITY_GROUP', resource, src.file, src.path,
    `${what} has security group${groups.length === 1 ? '' : 's'} ${groups.join(', ')}, which the snapshot does not hold; vpcsim gives it the VPC's default group with AWS's default rules (inbound from its own members, outbound all), and verdicts about it rest on that`);
}
