// VPCs and their fabric: subnets, route tables (with implicit local routes), the internet
// gateway, security groups and network ACLs, including the resources AWS creates in every
// VPC (main route table, default security group, default network ACL).
import { formatPrefix, type Prefix } from '../../net/prefix.js';
import type { RawTopology, RawVpc } from '../format.js';
import type { EgressOnlyInternetGateway, InternetGateway, NetworkAcl, RouteTable, SecurityGroup, Subnet, Vpc } from '../resources.js';
import { ALL_PORTS, cidrAt, refAt, report, type BuildContext } from './context.js';
import { implicitIds } from './collect-ids.js';
import { buildAclRules, buildSgRules, defaultAclRules, defaultEgressRules } from './build-rules.js';
import type { PrefixListLookup } from './prefix-list-ref.js';
import { pointer } from '../source-map.js';
import type { Route } from '../rules.js';

/** Everything built at the VPC-fabric level, with route lists still open for endpoints. */
export interface VpcFabric {
  readonly vpcs: Map<string, Vpc>;
  readonly subnets: Map<string, Subnet>;
  readonly routeTables: Map<string, RouteTable & { routes: Route[] }>;
  readonly internetGateways: Map<string, InternetGateway>;
  readonly egressOnlyInternetGateways: Map<string, EgressOnlyInternetGateway>;
  readonly securityGroups: Map<string, SecurityGroup>;
  readonly networkAcls: Map<string, NetworkAcl>;
}

function vpcCidrs(ctx: BuildContext, id: string, raw: RawVpc): Prefix[] {
  const base = pointer('vpcs', id);
  if (raw.cidr !== undefined && raw.cidrs !== undefined) {
    report(ctx, 'BAD_VALUE', 'give either cidr or cidrs, not both', `${base}/cidrs`, 'key');
  }
  if (raw.cidr === undefined && raw.cidrs === undefined) {
    report(ctx, 'MISSING_FIELD', 'missing required key "cidr" (or "cidrs")', base, 'key');
    return [];
  }
  const texts = raw.cidrs ? raw.cidrs.map((t, i) => [t, `${base}/cidrs/${i}`] as const) : [[raw.cidr!, `${base}/cidr`] as const];
  return texts.flatMap(([t, p]) => {
    const c = cidrAt(ctx, t, p, 4);
    // "VPC CIDR blocks" (Amazon VPC User Guide; CreateVpc): an IPv4 block is between /16
    // (65,536 addresses) and /28 (16 addresses). The block is kept so its subnets still load.
    if (c && (c.length < 16 || c.length > 28)) {
      report(ctx, 'VPC_CIDR_SIZE', `${formatPrefix(c)}: an IPv4 block of a VPC is between /16 and /28`, p);
    }
    return c ? [c] : [];
  });
}

/** Build every VPC and its fabric. */
export function buildVpcs(ctx: BuildContext, raw: RawTopology, accountIds: ReadonlyMap<string, string>, prefixLists: PrefixListLookup): VpcFabric {
  const fabric: VpcFabric = {
    vpcs: new Map(),
    subnets: new Map(),
    routeTables: new Map(),
    internetGateways: new Map(),
    egressOnlyInternetGateways: new Map(),
    securityGroups: new Map(),
    networkAcls: new Map(),
  };
  for (const [vpcId, rv] of Object.entries(raw.vpcs ?? {})) {
    const base = pointer('vpcs', vpcId);
    const span = ctx.map.keyAt(base);
    const cidrs = vpcCidrs(ctx, vpcId, rv);
    const ipv6 = rv.ipv6Cidr !== undefined ? cidrAt(ctx, rv.ipv6Cidr, `${base}/ipv6Cidr`, 6) : undefined;
    const implicit = implicitIds(vpcId);
    if (rv.account !== undefined) refAt(ctx, rv.account, `${base}/account`, ['account']);

    // Route tables: at most one main; without one, AWS's implicit main table.
    const mains = Object.entries(rv.routeTables ?? {}).filter(([, t]) => t.main === true);
    mains.slice(1).forEach(([id]) =>
      report(ctx, 'MULTIPLE_MAIN_ROUTE_TABLES', `"${id}" is a second main route table in VPC "${vpcId}" (the first is "${mains[0]![0]}")`, `${base}/routeTables/${id}/main`),
    );
    const mainRouteTable = mains[0]?.[0] ?? implicit.main;

    const localRoutes = (): Route[] => {
      const blocks: [Prefix, string][] = [];
      const written = rv.cidrs ? rv.cidrs.map((_, i) => `${base}/cidrs/${i}`) : [`${base}/cidr`];
      cidrs.forEach((c, i) => blocks.push([c, written[i] ?? base]));
      if (ipv6) blocks.push([ipv6, `${base}/ipv6Cidr`]);
      return blocks.map(([prefix, ptr], i) => ({
        index: -(i + 1),
        destination: { kind: 'cidr', prefix },
        target: { kind: 'local' },
        origin: 'local',
        span: ctx.map.valueAt(ptr),
      }));
    };
    if (mainRouteTable === implicit.main) {
      fabric.routeTables.set(implicit.main, {
        kind: 'routeTable', id: implicit.main, span, pointer: base, written: false, vpc: vpcId, main: true,
        gatewayAssociation: undefined, propagatingVgws: [], routes: localRoutes(),
      });
    }
    for (const [rtbId, rt] of Object.entries(rv.routeTables ?? {})) {
      const ptr = `${base}/routeTables/${rtbId}`;
      if (rt.gatewayAssociation !== undefined) {
        refAt(ctx, rt.gatewayAssociation, `${ptr}/gatewayAssociation`, ['internetGateway'], vpcId);
      }
      fabric.routeTables.set(rtbId, {
        kind: 'routeTable', id: rtbId, span: ctx.map.keyAt(ptr), pointer: ptr, written: true, vpc: vpcId,
        main: rtbId === mainRouteTable, gatewayAssociation: rt.gatewayAssociation, propagatingVgws: [...(rt.propagatingVgws ?? [])], routes: localRoutes(),
      });
    }

    if (rv.internetGateway !== undefined) {
      const ptr = `${base}/internetGateway`;
      fabric.internetGateways.set(rv.internetGateway, {
        kind: 'internetGateway', id: rv.internetGateway, span: ctx.map.valueAt(ptr), pointer: ptr, written: true, vpc: vpcId,
      });
    }
    if (rv.egressOnlyInternetGateway !== undefined) {
      const ptr = `${base}/egressOnlyInternetGateway`;
      fabric.egressOnlyInternetGateways.set(rv.egressOnlyInternetGateway, {
        kind: 'egressOnlyInternetGateway', id: rv.egressOnlyInternetGateway, span: ctx.map.valueAt(ptr), pointer: ptr, written: true, vpc: vpcId,
      });
    }

    // Security groups, with AWS's default group: inbound from its own members, outbound all.
    fabric.securityGroups.set(implicit.defaultSg, {
      kind: 'securityGroup', id: implicit.defaultSg, span, pointer: base, written: false, vpc: vpcId,
      ingress: [{
        direction: 'ingress', index: 1, protocol: -1, ports: ALL_PORTS,
        peer: { kind: 'securityGroup', securityGroup: implicit.defaultSg },
        description: 'AWS default security group: inbound from its own members', written: false, span,
      }],
      egress: defaultEgressRules(span, ipv6 !== undefined),
    });
    for (const [sgId, sg] of Object.entries(rv.securityGroups ?? {})) {
      const ptr = `${base}/securityGroups/${sgId}`;
      const sgSpan = ctx.map.keyAt(ptr);
      fabric.securityGroups.set(sgId, {
        kind: 'securityGroup', id: sgId, span: sgSpan, pointer: ptr, written: true, vpc: vpcId,
        ingress: buildSgRules(ctx, sg.ingress ?? [], 'ingress', `${ptr}/ingress`, prefixLists),
        egress: sg.egress === undefined
          ? defaultEgressRules(sgSpan, ipv6 !== undefined)
          : buildSgRules(ctx, sg.egress, 'egress', `${ptr}/egress`, prefixLists),
      });
    }

    fabric.networkAcls.set(implicit.defaultAcl, {
      kind: 'networkAcl', id: implicit.defaultAcl, span, pointer: base, written: false, vpc: vpcId,
      ingress: defaultAclRules('ingress', span, ipv6 !== undefined),
      egress: defaultAclRules('egress', span, ipv6 !== undefined),
    });
    for (const [aclId, acl] of Object.entries(rv.networkAcls ?? {})) {
      const ptr = `${base}/networkAcls/${aclId}`;
      fabric.networkAcls.set(aclId, {
        kind: 'networkAcl', id: aclId, span: ctx.map.keyAt(ptr), pointer: ptr, written: true, vpc: vpcId,
        ingress: buildAclRules(ctx, acl.ingress ?? [], 'ingress', `${ptr}/ingress`),
        egress: buildAclRules(ctx, acl.egress ?? [], 'egress', `${ptr}/egress`),
      });
    }

    const subnetIds: string[] = [];
    for (const [subnetId, rs] of Object.entries(rv.subnets ?? {})) {
      const ptr = `${base}/subnets/${subnetId}`;
      const cidr = cidrAt(ctx, rs.cidr, `${ptr}/cidr`, 4);
      const sv6 = rs.ipv6Cidr !== undefined ? cidrAt(ctx, rs.ipv6Cidr, `${ptr}/ipv6Cidr`, 6) : undefined;
      if (rs.routeTable !== undefined) refAt(ctx, rs.routeTable, `${ptr}/routeTable`, ['routeTable'], vpcId);
      if (rs.networkAcl !== undefined) refAt(ctx, rs.networkAcl, `${ptr}/networkAcl`, ['networkAcl'], vpcId);
      if (!cidr) continue;
      subnetIds.push(subnetId);
      fabric.subnets.set(subnetId, {
        kind: 'subnet', id: subnetId, span: ctx.map.keyAt(ptr), pointer: ptr, written: true, vpc: vpcId, az: rs.az,
        cidr, ipv6Cidr: sv6, routeTable: rs.routeTable ?? mainRouteTable, networkAcl: rs.networkAcl ?? implicit.defaultAcl,
      });
    }

    fabric.vpcs.set(vpcId, {
      kind: 'vpc', id: vpcId, span, pointer: base, written: true,
      accountId: rv.account !== undefined ? accountIds.get(rv.account) : undefined,
      region: rv.region ?? ctx.region,
      cidrs, ipv6Cidrs: ipv6 ? [ipv6] : [],
      enableDnsSupport: rv.enableDnsSupport ?? true,
      enableDnsHostnames: rv.enableDnsHostnames ?? false,
      internetGateway: rv.internetGateway,
      egressOnlyInternetGateway: rv.egressOnlyInternetGateway,
      mainRouteTable,
      defaultSecurityGroup: implicit.defaultSg,
      defaultNetworkAcl: implicit.defaultAcl,
      subnets: subnetIds,
    });
  }
  return fabric;
}
