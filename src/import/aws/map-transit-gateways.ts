// Transit gateways (describe-transit-gateways, -transit-gateway-attachments,
// -transit-gateway-vpc-attachments, -transit-gateway-peering-attachments,
// -transit-gateway-route-tables, and per table the propagations and the static routes of
// search-transit-gateway-routes, as batfish snapshots store them). A gateway shared across
// accounts appears in the files of each: one gateway, the first record by path. A VPC
// attachment needs its subnets (the VPC attachment record, or the gateway's interfaces in
// describe-network-interfaces); a peering attachment has one id on both sides, written once
// (under the requester when the peering record says which, else the gateway of lower id).
// VPN, Direct Connect gateway and Connect attachments are not modelled here: warned about.
import { cmp } from './problems.js';
import { claimId, type ImportContext } from './context.js';
import type { JsonReader, Obj } from './json-reader.js';
import { cidrOut } from './normalise-cidr.js';
import { emitted, type Emitted } from './output-model.js';
import { prefixListRef } from './map-prefix-lists.js';
import { markCaptured, type Snapshot } from './snapshot.js';
import type { TgwRec, TgwAttachmentRec } from './tgw-records.js';
import type { RawTgwAttachment, RawTgwRoute, RawTgwRouteTable, RawTransitGateway } from '../../model/format.js';

const GONE = new Set(['deleted', 'deleting', 'failed', 'rejected', 'failing', 'rejecting']);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** TransitGateways. */
export function parseTransitGateways(r: JsonReader, o: Obj, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'transitGateways');
  r.objects(o, 'TransitGateways', '$', (x, path) => {
    const id = r.str(x, 'TransitGatewayId', path);
    if (id === undefined) return undefined;
    const region = /^arn:aws[a-z-]*:ec2:([a-z0-9-]+):/.exec(str(x['TransitGatewayArn']) ?? '')?.[1] ?? r.file.region;
    s.tgw.gateways.push({ id, ownerId: r.optStr(x, 'OwnerId', path), region, options: r.optObj(x, 'Options', path) ?? {}, state: str(x['State']), src: r.src(path, x) });
    return undefined;
  });
}

/** TransitGatewayAttachments. */
export function parseTgwAttachments(r: JsonReader, o: Obj, s: Snapshot): void {
  r.objects(o, 'TransitGatewayAttachments', '$', (x, path) => {
    const id = r.str(x, 'TransitGatewayAttachmentId', path);
    const tgwId = r.str(x, 'TransitGatewayId', path);
    if (id === undefined || tgwId === undefined) return undefined;
    const assoc = r.optObj(x, 'Association', path);
    const associatedTable = assoc && str(assoc['State']) === 'associated' ? str(assoc['TransitGatewayRouteTableId']) : undefined;
    s.tgw.attachments.push({ id, tgwId, type: str(x['ResourceType']) ?? 'vpc', resourceId: str(x['ResourceId']), state: str(x['State']), associatedTable, src: r.src(path, x) });
    return undefined;
  });
}

/** TransitGatewayVpcAttachments. */
export function parseTgwVpcAttachments(r: JsonReader, o: Obj, s: Snapshot): void {
  r.objects(o, 'TransitGatewayVpcAttachments', '$', (x, path) => {
    const id = r.str(x, 'TransitGatewayAttachmentId', path);
    const tgwId = r.str(x, 'TransitGatewayId', path);
    const vpcId = r.str(x, 'VpcId', path);
    if (id === undefined || tgwId === undefined || vpcId === undefined) return undefined;
    const opts = r.optObj(x, 'Options', path) ?? {};
    const sgRef = str(opts['SecurityGroupReferencingSupport']);
    s.tgw.vpcAttachments.push({
      id, tgwId, vpcId, subnetIds: r.strings(x, 'SubnetIds', path), applianceMode: str(opts['ApplianceModeSupport']) === 'enable',
      sgReferencing: sgRef === undefined ? undefined : sgRef === 'enable', state: str(x['State']), src: r.src(path, x),
    });
    return undefined;
  });
}

/** TransitGatewayPeeringAttachments. */
export function parseTgwPeeringAttachments(r: JsonReader, o: Obj, s: Snapshot): void {
  r.objects(o, 'TransitGatewayPeeringAttachments', '$', (x, path) => {
    const id = r.str(x, 'TransitGatewayAttachmentId', path);
    const requester = str((x['RequesterTgwInfo'] as Obj | undefined)?.['TransitGatewayId']);
    const accepter = str((x['AccepterTgwInfo'] as Obj | undefined)?.['TransitGatewayId']);
    if (id === undefined || requester === undefined || accepter === undefined || GONE.has(str(x['State']) ?? '')) return undefined;
    s.tgw.peerings.push({ id, requester, accepter, src: r.src(path, x) });
    return undefined;
  });
}

/** TransitGatewayRouteTables. */
export function parseTgwRouteTables(r: JsonReader, o: Obj, s: Snapshot): void {
  r.objects(o, 'TransitGatewayRouteTables', '$', (x, path) => {
    const id = r.str(x, 'TransitGatewayRouteTableId', path);
    const tgwId = r.str(x, 'TransitGatewayId', path);
    if (id === undefined || tgwId === undefined) return undefined;
    s.tgw.routeTables.push({ id, tgwId, state: str(x['State']), src: r.src(path, x) });
    return undefined;
  });
}

/** TransitGatewayPropagations: per table, as batfish snapshots store them. */
export function parseTgwPropagations(r: JsonReader, o: Obj, s: Snapshot): void {
  r.objects(o, 'TransitGatewayPropagations', '$', (t, path) => {
    const tableId = r.str(t, 'TransitGatewayRouteTableId', path);
    if (tableId === undefined) return undefined;
    r.objects(t, 'TransitGatewayRouteTablePropagations', path, (x, p) => {
      const attachmentId = r.str(x, 'TransitGatewayAttachmentId', p);
      if (attachmentId !== undefined) s.tgw.propagations.push({ tableId, attachmentId, state: str(x['State']), src: r.src(p, x) });
      return undefined;
    });
    return undefined;
  });
}

/** TransitGatewayStaticRoutes: per table, the static routes of search-transit-gateway-routes. */
export function parseTgwStaticRoutes(r: JsonReader, o: Obj, s: Snapshot): void {
  r.objects(o, 'TransitGatewayStaticRoutes', '$', (t, path) => {
    const tableId = r.str(t, 'TransitGatewayRouteTableId', path);
    if (tableId === undefined) return undefined;
    r.objects(t, 'Routes', path, (x, p) => {
      if ((str(x['Type']) ?? 'static') !== 'static') return undefined;
      const state = str(x['State']);
      if (state === 'deleted' || state === 'deleting') return undefined;
      const atts = Array.isArray(x['TransitGatewayAttachments']) ? (x['TransitGatewayAttachments'] as Obj[]) : [];
      s.tgw.staticRoutes.push({
        tableId, cidr: str(x['DestinationCidrBlock']), prefixListId: str(x['PrefixListId']),
        attachmentId: atts.map((a) => str(a['TransitGatewayAttachmentId'])).find((a) => a !== undefined),
        blackhole: state === 'blackhole', src: r.src(p, x), path: p,
      });
      return undefined;
    });
    return undefined;
  });
}

function firstById<T extends { readonly id: string }>(recs: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of recs) if (!out.has(r.id)) out.set(r.id, r);
  return out;
}

/** The subnets of a VPC attachment: its record's, else those of the gateway's interfaces for it. */
function subnetsOf(ctx: ImportContext, id: string, vpcId: string): string[] | undefined {
  const rec = ctx.snapshot.tgw.vpcAttachments.find((v) => v.id === id && v.subnetIds.length > 0);
  if (rec) return rec.subnetIds;
  const enis = ctx.snapshot.enis.filter((e) => e.type === 'transit_gateway' && e.vpcId === vpcId && (e.description ?? '').includes(id) && e.subnetId !== undefined);
  const subnets = [...new Set(enis.map((e) => e.subnetId!))].sort(cmp);
  return subnets.length > 0 ? subnets : undefined;
}

/** Emit every transit gateway with its attachments and route tables. */
export function mapTransitGateways(ctx: ImportContext): void {
  const t = ctx.snapshot.tgw;
  const gateways = firstById(t.gateways);
  const mapped = new Map<string, { rec: TgwRec; value: RawTransitGateway & { attachments: Record<string, RawTgwAttachment>; routeTables: Record<string, RawTgwRouteTable> } }>();
  for (const g of [...gateways.values()].sort((a, b) => cmp(a.id, b.id))) {
    if (GONE.has(g.state ?? '') || !claimId(ctx, g.id, 'transit gateway', g.src)) continue;
    mapped.set(g.id, { rec: g, value: { attachments: {}, routeTables: {} } });
  }
  // Attachments: every gateway's view of them, by (gateway, attachment).
  const written = new Map<string, string>();
  const byAttachment = new Map<string, TgwAttachmentRec[]>();
  for (const a of t.attachments) byAttachment.set(a.id, [...(byAttachment.get(a.id) ?? []), a]);
  for (const v of t.vpcAttachments) {
    if (!byAttachment.has(v.id)) byAttachment.set(v.id, [{ id: v.id, tgwId: v.tgwId, type: 'vpc', resourceId: v.vpcId, state: v.state, associatedTable: undefined, src: v.src }]);
  }
  for (const [id, views] of [...byAttachment.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    const first = views[0]!;
    if (GONE.has(first.state ?? '')) continue;
    const owner = mapped.get(first.tgwId);
    if (!owner) continue;
    const state = first.state === 'available' || first.state === undefined ? undefined : (first.state as RawTgwAttachment['state']);
    switch (first.type) {
      case 'vpc': {
        const vpcId = first.resourceId ?? t.vpcAttachments.find((v) => v.id === id)?.vpcId;
        const vpc = vpcId !== undefined ? ctx.out.vpcs.get(vpcId) : undefined;
        if (vpcId === undefined || !vpc) {
          ctx.problems.warn('OUTSIDE_SNAPSHOT', id, first.src.file, first.src.path, `transit gateway attachment ${id} attaches VPC ${vpcId ?? '(unknown)'}, which is not in the snapshot; it is left out`);
          continue;
        }
        const subnets = subnetsOf(ctx, id, vpcId)?.filter((s) => vpc.subnets.has(s));
        if (!subnets || subnets.length === 0) {
          ctx.problems.warn('OUTSIDE_SNAPSHOT', id, first.src.file, first.src.path,
            `transit gateway attachment ${id} of VPC ${vpcId}: the snapshot names none of its subnets (no describe-transit-gateway-vpc-attachments), so it is left out and traffic to the gateway from ${vpcId} stops there`);
          continue;
        }
        const vpcRegion = ctx.vpcRegions.get(vpcId);
        if (vpcRegion !== undefined && owner.rec.region !== undefined && vpcRegion !== owner.rec.region) {
          ctx.problems.warn('CONFLICTING_RECORDS', id, first.src.file, first.src.path, `transit gateway attachment ${id} attaches VPC ${vpcId} of ${vpcRegion} to ${first.tgwId} of ${owner.rec.region}; AWS attaches a VPC to a gateway of its own Region, so it is left out`);
          continue;
        }
        if (!claimId(ctx, id, 'transit gateway attachment', first.src)) continue;
        const rec = t.vpcAttachments.find((v) => v.id === id);
        owner.value.attachments[id] = {
          type: 'vpc', ...(state ? { state } : {}), vpc: vpcId, subnets,
          ...(rec?.applianceMode ? { applianceMode: true } : {}),
          ...(rec?.sgReferencing === false ? { securityGroupReferencingSupport: false } : {}),
        };
        written.set(id, first.tgwId);
        break;
      }
      case 'peering': {
        const sides = [...new Set(views.map((v) => v.tgwId).concat(views.map((v) => v.resourceId ?? '')))].filter((x) => x !== '').sort(cmp);
        const p = t.peerings.find((x) => x.id === id);
        const requester = p?.requester ?? sides[0]!;
        const accepter = p?.accepter ?? sides.find((x) => x !== requester);
        const host = mapped.get(requester);
        if (accepter === undefined || !host || !mapped.has(accepter)) {
          ctx.problems.warn('OUTSIDE_SNAPSHOT', id, first.src.file, first.src.path, `transit gateway peering attachment ${id} joins ${[requester, accepter].filter(Boolean).join(' and ')}, and the snapshot does not hold both gateways; it is left out`);
          continue;
        }
        if (!claimId(ctx, id, 'transit gateway attachment', first.src)) continue;
        host.value.attachments[id] = { type: 'peering', ...(state ? { state } : {}), peer: accepter };
        written.set(id, requester);
        break;
      }
      default:
        // VPN, Direct Connect gateway, Connect: named so that nothing is dropped silently.
        ctx.snapshot.unmodelled.push({ kind: `transit gateway ${first.type} attachment`, id, parent: first.tgwId, detail: first.resourceId, src: first.src });
    }
  }
  // Route tables with associations, propagations and static routes.
  const tables = firstById(t.routeTables);
  for (const rt of [...tables.values()].sort((a, b) => cmp(a.id, b.id))) {
    const owner = mapped.get(rt.tgwId);
    if (!owner || GONE.has(rt.state ?? '') || !claimId(ctx, rt.id, 'transit gateway route table', rt.src)) continue;
    const onThisGateway = (att: string): boolean => {
      const host = written.get(att);
      const a = host !== undefined ? mapped.get(host)?.value.attachments[att] : undefined;
      return host === rt.tgwId || (a?.type === 'peering' && a.peer === rt.tgwId);
    };
    const associations = [...new Set(t.attachments.filter((a) => a.tgwId === rt.tgwId && a.associatedTable === rt.id).map((a) => a.id))].filter(onThisGateway).sort(cmp);
    const propagations = [...new Set(t.propagations.filter((p) => p.tableId === rt.id && (p.state ?? 'enabled') === 'enabled').map((p) => p.attachmentId))]
      .filter((a) => onThisGateway(a) && mapped.get(written.get(a)!)?.value.attachments[a]?.type === 'vpc').sort(cmp);
    const routes: RawTgwRoute[] = [];
    const seen = new Set<string>();
    for (const r of t.staticRoutes.filter((x) => x.tableId === rt.id)) {
      const destination = r.prefixListId !== undefined
        ? prefixListRef(ctx, r.prefixListId, r.src, `${r.path}.PrefixListId`, rt.id, `transit gateway route table ${rt.id}`)
        : r.cidr !== undefined ? cidrOut(ctx, r.cidr, rt.id, r.src, `${r.path}.DestinationCidrBlock`) : undefined;
      if (destination === undefined || seen.has(destination)) continue;
      if (!r.blackhole && (r.attachmentId === undefined || !onThisGateway(r.attachmentId))) {
        ctx.problems.warn('FIELD_DROPPED', rt.id, r.src.file, r.path,
          `transit gateway route ${destination} of ${rt.id} goes to ${r.attachmentId ?? 'no attachment'}, which vpcsim does not model; the route is left out, so traffic it matches takes the table's other routes`);
        continue;
      }
      seen.add(destination);
      routes.push(r.blackhole ? { destination, blackhole: true } : { destination, attachment: r.attachmentId! });
    }
    owner.value.routeTables[rt.id] = {
      ...(associations.length > 0 ? { associations } : {}),
      ...(propagations.length > 0 ? { propagations } : {}),
      ...(routes.length > 0 ? { routes } : {}),
    };
  }
  for (const [id, { rec, value }] of mapped) {
    const o = rec.options;
    const own = (v: unknown): string | undefined => (typeof v === 'string' && value.routeTables[v] !== undefined ? v : undefined);
    const options = {
      ...(str(o['DefaultRouteTableAssociation']) === 'disable' ? { defaultRouteTableAssociation: false } : {}),
      ...(own(o['AssociationDefaultRouteTableId']) ? { associationDefaultRouteTable: own(o['AssociationDefaultRouteTableId'])! } : {}),
      ...(str(o['DefaultRouteTablePropagation']) === 'disable' ? { defaultRouteTablePropagation: false } : {}),
      ...(own(o['PropagationDefaultRouteTableId']) ? { propagationDefaultRouteTable: own(o['PropagationDefaultRouteTableId'])! } : {}),
      ...(str(o['DnsSupport']) === 'disable' ? { dnsSupport: false } : {}),
      ...(str(o['SecurityGroupReferencingSupport']) === 'enable' ? { securityGroupReferencingSupport: true } : {}),
    };
    const owner = rec.ownerId ?? rec.src.account;
    if (owner !== undefined && !ctx.out.accounts.has(owner)) ctx.out.accounts.set(owner, emitted(owner, rec.src.file));
    const asn = typeof o['AmazonSideAsn'] === 'number' ? o['AmazonSideAsn'] : undefined;
    const out: Emitted<RawTransitGateway> = emitted({
      ...(owner !== undefined ? { account: owner } : {}),
      ...(rec.region !== undefined ? { region: rec.region } : {}),
      ...(asn !== undefined && asn !== 64512 ? { asn } : {}),
      ...(Object.keys(options).length > 0 ? { options } : {}),
      ...(Object.keys(value.attachments).length > 0 ? { attachments: value.attachments } : {}),
      ...(Object.keys(value.routeTables).length > 0 ? { routeTables: value.routeTables } : {}),
    }, rec.src.file, [], rec.src.name);
    ctx.out.transitGateways.set(id, out);
  }
}
