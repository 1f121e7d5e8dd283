// Transit gateways, their attachments and route tables ("How AWS Transit Gateway works",
// "Amazon VPC attachments", "Transit gateway peering attachments", "Transit gateway route
// tables", Transit Gateways guide). An attachment is associated with exactly one route table
// of a gateway; a VPC attachment has one subnet per Availability Zone; a peering attachment
// carries static routes only, so it never propagates. A VPC attachment that propagates puts
// its VPC's CIDR blocks in the table as propagated routes.
import { formatPrefix } from '../../net/prefix.js';
import type { RawTgwAttachment, RawTopology, RawTransitGateway } from '../format.js';
import type {
  Subnet, TgwAttachmentState, TgwRoute, TransitGateway, TransitGatewayAttachment, TransitGatewayRouteTable, Vpc,
} from '../resources.js';
import type { RouteDestination } from '../rules.js';
import { pointer } from '../source-map.js';
import { cidrAt, refAt, report, type BuildContext } from './context.js';
import { looksLikePrefixList, resolvePrefixListRef, type PrefixListLookup } from './prefix-list-ref.js';

/** The transit gateways of a file, with their attachments and route tables. */
export interface TransitGatewayFabric {
  readonly transitGateways: Map<string, TransitGateway>;
  readonly attachments: Map<string, TransitGatewayAttachment>;
  readonly routeTables: Map<string, TransitGatewayRouteTable>;
}

/** The default ASN of a transit gateway's Amazon side (CreateTransitGateway: AmazonSideAsn). */
export const DEFAULT_TGW_ASN = 64512;

/** The fields each attachment type takes besides type and state. */
const FIELDS: Readonly<Record<TransitGatewayAttachment['type'], readonly (keyof RawTgwAttachment)[]>> = {
  vpc: ['vpc', 'subnets', 'applianceMode', 'securityGroupReferencingSupport'],
  peering: ['peer'],
};

const ALL_FIELDS: readonly (keyof RawTgwAttachment)[] = [...new Set(Object.values(FIELDS).flat())];

/** Build every transit gateway. */
export function buildTransitGateways(
  ctx: BuildContext, raw: RawTopology, accountIds: ReadonlyMap<string, string>,
  vpcs: ReadonlyMap<string, Vpc>, subnets: ReadonlyMap<string, Subnet>, prefixLists: PrefixListLookup,
): TransitGatewayFabric {
  const out: TransitGatewayFabric = { transitGateways: new Map(), attachments: new Map(), routeTables: new Map() };
  const gateways = Object.entries(raw.transitGateways ?? {});
  for (const [tgwId, rt] of gateways) buildAttachments(ctx, tgwId, rt, vpcs, subnets, out);
  for (const [tgwId, rt] of gateways) {
    const ptr = pointer('transitGateways', tgwId);
    if (rt.account !== undefined) refAt(ctx, rt.account, `${ptr}/account`, ['account']);
    const tables = buildRouteTables(ctx, tgwId, rt, vpcs, prefixLists, out);
    const o = rt.options ?? {};
    for (const [field, id] of [['associationDefaultRouteTable', o.associationDefaultRouteTable], ['propagationDefaultRouteTable', o.propagationDefaultRouteTable]] as const) {
      if (id === undefined) continue;
      const at = `${ptr}/options/${field}`;
      if (refAt(ctx, id, at, ['transitGatewayRouteTable']) && !tables.includes(id)) {
        report(ctx, 'TGW_FOREIGN_ATTACHMENT', `route table "${id}" is not one of "${tgwId}"'s`, at);
      }
    }
    out.transitGateways.set(tgwId, {
      kind: 'transitGateway', id: tgwId, span: ctx.map.keyAt(ptr), pointer: ptr, written: true,
      accountId: rt.account !== undefined ? accountIds.get(rt.account) : undefined,
      region: rt.region ?? ctx.region,
      asn: rt.asn ?? DEFAULT_TGW_ASN,
      defaultRouteTableAssociation: o.defaultRouteTableAssociation ?? true,
      associationDefaultRouteTable: o.associationDefaultRouteTable,
      defaultRouteTablePropagation: o.defaultRouteTablePropagation ?? true,
      propagationDefaultRouteTable: o.propagationDefaultRouteTable,
      dnsSupport: o.dnsSupport ?? true,
      securityGroupReferencingSupport: o.securityGroupReferencingSupport ?? false,
      attachments: Object.keys(rt.attachments ?? {}).filter((id) => out.attachments.get(id)?.transitGateway === tgwId),
      routeTables: tables,
    });
  }
  return out;
}

function buildAttachments(ctx: BuildContext, tgwId: string, rt: RawTransitGateway, vpcs: ReadonlyMap<string, Vpc>, subnets: ReadonlyMap<string, Subnet>, out: TransitGatewayFabric): void {
  const region = rt.region ?? ctx.region;
  const attachedVpcs = new Map<string, string>();
  for (const [id, a] of Object.entries(rt.attachments ?? {})) {
    const ptr = pointer('transitGateways', tgwId, 'attachments', id);
    const type = a.type as TransitGatewayAttachment['type'];
    const wrong = ALL_FIELDS.filter((f) => a[f] !== undefined && !FIELDS[type].includes(f));
    for (const f of wrong) report(ctx, 'TGW_ATTACHMENT_SHAPE', `a ${type} attachment has no "${f}"`, `${ptr}/${f}`, 'key');
    if (wrong.length > 0) continue;
    const base = { kind: 'transitGatewayAttachment', id, span: ctx.map.keyAt(ptr), pointer: ptr, written: true, transitGateway: tgwId, state: (a.state ?? 'available') as TgwAttachmentState } as const;
    switch (type) {
      case 'vpc': {
        if (a.vpc === undefined || a.subnets === undefined) {
          report(ctx, 'TGW_ATTACHMENT_SHAPE', 'a vpc attachment needs "vpc" and "subnets" (one per Availability Zone)', ptr, 'key');
          continue;
        }
        if (!refAt(ctx, a.vpc, `${ptr}/vpc`, ['vpc'])) continue;
        const vpc = a.vpc;
        const vpcRegion = vpcs.get(vpc)?.region;
        if (vpcRegion !== undefined && vpcRegion !== region) {
          // A VPC attachment joins a VPC to a gateway of its own Region (peer gateways for others).
          report(ctx, 'TGW_ATTACHMENT_SHAPE', `VPC "${vpc}" is in ${vpcRegion} and "${tgwId}" in ${region}; a VPC attaches to a transit gateway of its own Region`, `${ptr}/vpc`);
          continue;
        }
        const ok = a.subnets.map((s, i) => refAt(ctx, s, `${ptr}/subnets/${i}`, ['subnet'], vpc)).every(Boolean);
        if (!ok) continue;
        // "You must specify one subnet from each Availability Zone" (Amazon VPC attachments).
        const zones = new Map<string, number>();
        let dup = false;
        a.subnets.forEach((s, i) => {
          const az = subnets.get(s)?.az;
          if (az === undefined) return;
          const first = zones.get(az);
          if (first !== undefined) {
            report(ctx, 'DUPLICATE_AZ', `"${s}" and "${a.subnets![first]}" are both in ${az}; an attachment has one subnet per Availability Zone`, `${ptr}/subnets/${i}`);
            dup = true;
          } else zones.set(az, i);
        });
        if (dup) continue;
        const live = base.state !== 'deleted' && base.state !== 'failed' && base.state !== 'rejected';
        const twin = attachedVpcs.get(vpc);
        if (live && twin !== undefined) {
          report(ctx, 'TGW_ATTACHMENT_SHAPE', `VPC "${vpc}" is already attached to "${tgwId}" by "${twin}"`, `${ptr}/vpc`);
          continue;
        }
        if (live) attachedVpcs.set(vpc, id);
        out.attachments.set(id, {
          ...base, type: 'vpc', vpc, subnets: [...a.subnets],
          applianceMode: a.applianceMode ?? false, securityGroupReferencingSupport: a.securityGroupReferencingSupport ?? true,
        });
        break;
      }
      case 'peering': {
        if (a.peer === undefined) {
          report(ctx, 'TGW_ATTACHMENT_SHAPE', 'a peering attachment needs "peer" (the accepter transit gateway)', ptr, 'key');
          continue;
        }
        if (!refAt(ctx, a.peer, `${ptr}/peer`, ['transitGateway'])) continue;
        if (a.peer === tgwId) {
          report(ctx, 'TGW_ATTACHMENT_SHAPE', `a peering attachment joins "${tgwId}" to another transit gateway, not to itself`, `${ptr}/peer`);
          continue;
        }
        out.attachments.set(id, { ...base, type: 'peering', peer: a.peer });
        break;
      }
      default: {
        const never: never = type;
        return never;
      }
    }
  }
}

/** Whether a gateway's tables may name an attachment: its own, or a peering attachment to it. */
export function attachmentOfGateway(a: TransitGatewayAttachment, tgwId: string): boolean {
  return a.transitGateway === tgwId || (a.type === 'peering' && a.peer === tgwId);
}

function buildRouteTables(
  ctx: BuildContext, tgwId: string, rt: RawTransitGateway, vpcs: ReadonlyMap<string, Vpc>, prefixLists: PrefixListLookup, out: TransitGatewayFabric,
): string[] {
  const ids: string[] = [];
  // The association of each attachment with this gateway, across its tables.
  const associated = new Map<string, string>();
  for (const [tableId, t] of Object.entries(rt.routeTables ?? {})) {
    const ptr = pointer('transitGateways', tgwId, 'routeTables', tableId);
    const own = (id: string, at: string): boolean => {
      if (!refAt(ctx, id, at, ['transitGatewayAttachment'])) return false;
      const a = out.attachments.get(id);
      if (!a) return false;
      if (attachmentOfGateway(a, tgwId)) return true;
      report(ctx, 'TGW_FOREIGN_ATTACHMENT', `attachment "${id}" belongs to "${a.transitGateway}", not "${tgwId}"`, at);
      return false;
    };
    const associations: string[] = [];
    (t.associations ?? []).forEach((id, i) => {
      const at = `${ptr}/associations/${i}`;
      if (!own(id, at)) return;
      const first = associated.get(id);
      if (first !== undefined) {
        report(ctx, 'TGW_ASSOCIATION', `attachment "${id}" is already associated with "${first}"; an attachment is associated with exactly one route table`, at);
        return;
      }
      associated.set(id, tableId);
      associations.push(id);
    });
    const propagations: string[] = [];
    const routes: TgwRoute[] = [];
    const seen = new Map<string, number>();
    (t.routes ?? []).forEach((r, i) => {
      const at = `${ptr}/routes/${i}`;
      let destination: RouteDestination | undefined;
      let key: string | undefined;
      if (looksLikePrefixList(r.destination, prefixLists)) {
        const id = resolvePrefixListRef(ctx, r.destination, `${at}/destination`, prefixLists);
        if (id) [destination, key] = [{ kind: 'prefixList', prefixList: id }, id];
      } else {
        const p = cidrAt(ctx, r.destination, `${at}/destination`);
        if (p) [destination, key] = [{ kind: 'cidr', prefix: p }, formatPrefix(p)];
      }
      if ((r.attachment === undefined) === (r.blackhole === undefined)) {
        report(ctx, 'TGW_ROUTE_TARGET', 'a transit gateway route names an attachment or is a blackhole (one of the two)', at, 'key');
        return;
      }
      if (r.attachment !== undefined && !own(r.attachment, `${at}/attachment`)) return;
      if (!destination || key === undefined) return;
      const first = seen.get(key);
      if (first !== undefined) {
        report(ctx, 'DUPLICATE_ROUTE', `route ${i + 1} has the same destination ${key} as route ${first + 1}; AWS keeps one route per destination`, `${at}/destination`);
        return;
      }
      seen.set(key, i);
      routes.push({
        index: routes.length + 1, destination,
        target: r.attachment !== undefined ? { kind: 'attachment', attachment: r.attachment } : { kind: 'blackhole' },
        origin: destination.kind === 'prefixList' ? 'prefixList' : 'static', span: ctx.map.valueAt(at),
      });
    });
    (t.propagations ?? []).forEach((id, i) => {
      const at = `${ptr}/propagations/${i}`;
      if (!own(id, at)) return;
      const a = out.attachments.get(id)!;
      switch (a.type) {
        case 'peering':
          // "Transit gateway peering attachments": routes over a peering are static only.
          report(ctx, 'TGW_PEERING_PROPAGATION', `"${id}" is a peering attachment; transit gateway peering carries static routes only (add a static route to it)`, at);
          return;
        case 'vpc': {
          propagations.push(id);
          const vpc = vpcs.get(a.vpc);
          for (const prefix of [...(vpc?.cidrs ?? []), ...(vpc?.ipv6Cidrs ?? [])]) {
            routes.push({
              index: routes.length + 1, destination: { kind: 'cidr', prefix }, target: { kind: 'attachment', attachment: id },
              origin: 'propagated', propagatedFrom: 'vpc', span: ctx.map.valueAt(at),
            });
          }
          return;
        }
        default: {
          const never: never = a;
          return never;
        }
      }
    });
    out.routeTables.set(tableId, {
      kind: 'transitGatewayRouteTable', id: tableId, span: ctx.map.keyAt(ptr), pointer: ptr, written: true,
      transitGateway: tgwId, associations, propagations, routes,
    });
    ids.push(tableId);
  }
  return ids;
}
