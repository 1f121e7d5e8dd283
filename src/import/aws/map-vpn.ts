// Site-to-site VPN from describe-vpn-gateways, describe-vpn-connections and
// describe-customer-gateways: virtual private gateways with the VPC they are attached to,
// customer gateways by their outside address, VPN connections (static routes or BGP), and
// an on-premises network per customer gateway holding the prefixes its static VPNs route to
// ("Site-to-Site VPN routing options": a static VPN names its on-premises prefixes; a BGP
// one learns them from the device, which describe output does not show). A VPN to a transit
// gateway stays with the transit gateway's warning. Tunnel telemetry (VgwTelemetry) is
// status at snapshot time, not configuration: it is not imported (as Batfish does not).
import type { RawCustomerGateway, RawOnPremisesNetwork, RawVirtualPrivateGateway, RawVpnConnection } from '../../model/format.js';
import { claimId, type ImportContext } from './context.js';
import type { JsonReader, Obj, Src } from './json-reader.js';
import { cidrOut } from './normalise-cidr.js';
import { emitted } from './output-model.js';
import { cmp } from './problems.js';
import { markCaptured, type Snapshot } from './snapshot.js';

const GONE = new Set(['deleted', 'deleting']);
const lower = (v: string | undefined): string | undefined => v?.toLowerCase();
const asnOf = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,10}$/.test(v) ? Number(v) : undefined;
  return n !== undefined && n >= 1 && n <= 4294967295 ? n : undefined;
};

/** Read describe-vpn-gateways. */
export function parseVpnGateways(r: JsonReader, o: Obj, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'vpnGateways');
  r.objects(o, 'VpnGateways', '$', (g, path) => {
    const id = r.str(g, 'VpnGatewayId', path);
    if (id === undefined) return undefined;
    const attachedVpcs = r.objects(g, 'VpcAttachments', path, (a, p) => (lower(r.optStr(a, 'State', p)) === 'attached' ? r.optStr(a, 'VpcId', p) : undefined));
    s.vpn.gateways.push({ id, state: lower(r.optStr(g, 'State', path)), attachedVpcs, asn: asnOf(g['AmazonSideAsn']), src: r.src(path, g) });
    return undefined;
  });
}

/** Read describe-vpn-connections. */
export function parseVpnConnections(r: JsonReader, o: Obj, s: Snapshot): void {
  r.objects(o, 'VpnConnections', '$', (v, path) => {
    const id = r.str(v, 'VpnConnectionId', path);
    if (id === undefined) return undefined;
    const options = r.optObj(v, 'Options', path);
    const routes = r.objects(v, 'Routes', path, (x, p) => {
      const cidr = r.optStr(x, 'DestinationCidrBlock', p);
      return cidr === undefined ? undefined : { cidr, state: lower(r.optStr(x, 'State', p)), path: p };
    });
    s.vpn.connections.push({
      id, state: lower(r.optStr(v, 'State', path)), customerGatewayId: r.optStr(v, 'CustomerGatewayId', path),
      vgwId: r.optStr(v, 'VpnGatewayId', path), tgwId: r.optStr(v, 'TransitGatewayId', path),
      staticRoutesOnly: (options ? r.optBool(options, 'StaticRoutesOnly', `${path}.Options`) : undefined) ?? false, routes, src: r.src(path, v),
    });
    return undefined;
  });
}

/** Read describe-customer-gateways. */
export function parseCustomerGateways(r: JsonReader, o: Obj, s: Snapshot): void {
  r.objects(o, 'CustomerGateways', '$', (g, path) => {
    const id = r.str(g, 'CustomerGatewayId', path);
    if (id === undefined) return undefined;
    s.vpn.customerGateways.push({ id, state: lower(r.optStr(g, 'State', path)), ip: r.optStr(g, 'IpAddress', path), asn: asnOf(g['BgpAsn']), src: r.src(path, g) });
    return undefined;
  });
}

const VPN_STATES = new Set(['pending', 'available']);

/** Emit gateways, connections and on-premises networks (before route tables, which name gateways). */
export function mapVpn(ctx: ImportContext): void {
  const s = ctx.snapshot;
  const out = ctx.out;
  for (const g of s.vpn.gateways) {
    if (g.state !== undefined && GONE.has(g.state)) continue;
    if (!claimId(ctx, g.id, 'virtual private gateway', g.src)) continue;
    const vpc = g.attachedVpcs.find((v) => out.vpcs.has(v));
    const outside = g.attachedVpcs.filter((v) => !out.vpcs.has(v));
    if (vpc === undefined && outside.length > 0) {
      ctx.problems.warn('OUTSIDE_SNAPSHOT', g.id, g.src.file, g.src.path, `virtual private gateway ${g.id} is attached to VPC ${outside.join(', ')}, which is not in the snapshot; it is written detached`);
    }
    const value: RawVirtualPrivateGateway = { ...(vpc !== undefined ? { vpc } : {}), ...(g.asn !== undefined ? { amazonSideAsn: g.asn } : {}) };
    out.virtualPrivateGateways.set(g.id, emitted(value, g.src.file, [], g.src.name));
  }
  for (const c of s.vpn.customerGateways) {
    if (c.state !== undefined && GONE.has(c.state)) continue;
    if (c.ip === undefined || !/^\d{1,3}(\.\d{1,3}){3}$/.test(c.ip)) {
      ctx.problems.warn('FIELD_DROPPED', c.id, c.src.file, c.src.path, `customer gateway ${c.id} has no IPv4 IpAddress (${c.ip ?? 'none'}); left out, with the VPN connections to it`);
      continue;
    }
    if (!claimId(ctx, c.id, 'customer gateway', c.src)) continue;
    const value: RawCustomerGateway = { ip: c.ip, ...(c.asn !== undefined ? { bgpAsn: c.asn } : {}) };
    out.customerGateways.set(c.id, emitted(value, c.src.file, [], c.src.name));
  }
  const byCgw = new Map<string, { prefixes: string[]; vpns: string[]; src: Src }>();
  for (const v of s.vpn.connections) {
    if (v.state !== undefined && GONE.has(v.state)) continue;
    if (v.tgwId !== undefined) {
      // A VPN attachment of a transit gateway: named with the transit gateway (map-unmodelled.ts).
      s.unmodelled.push({ kind: 'VPN connection', id: v.id, parent: v.tgwId, detail: v.customerGatewayId ? `to customer gateway ${v.customerGatewayId}` : undefined, src: v.src });
      continue;
    }
    if (v.vgwId === undefined || !out.virtualPrivateGateways.has(v.vgwId) || v.customerGatewayId === undefined || !out.customerGateways.has(v.customerGatewayId)) {
      ctx.problems.warn('OUTSIDE_SNAPSHOT', v.id, v.src.file, v.src.path,
        `VPN connection ${v.id} joins ${v.customerGatewayId ?? 'no customer gateway'} and ${v.vgwId ?? 'no gateway'}, which the snapshot does not both hold; left out`);
      continue;
    }
    if (!claimId(ctx, v.id, 'VPN connection', v.src)) continue;
    const routes = v.routes.filter((r) => r.state === undefined || !GONE.has(r.state))
      .map((r) => cidrOut(ctx, r.cidr, v.id, v.src, r.path)).filter((c): c is string => c !== undefined);
    const state = v.state !== undefined && VPN_STATES.has(v.state) ? v.state : undefined;
    const value: RawVpnConnection = {
      customerGateway: v.customerGatewayId, virtualPrivateGateway: v.vgwId,
      ...(v.staticRoutesOnly ? { staticRoutesOnly: true, ...(routes.length > 0 ? { staticRoutes: [...new Set(routes)] } : {}) } : {}),
      ...(state !== undefined && state !== 'available' ? { state: state as 'pending' } : {}),
    };
    out.vpnConnections.set(v.id, emitted(value, v.src.file, [], v.src.name));
    if (!v.staticRoutesOnly) {
      ctx.problems.warn('MISSING_DESCRIBE_CALL', v.id, v.src.file, v.src.path,
        `VPN connection ${v.id} uses BGP: the prefixes its customer gateway advertises are not in describe output, so no on-premises network is imported for it; write one under onPremises: with connections: [${v.id}]`);
      continue;
    }
    const entry = byCgw.get(v.customerGatewayId) ?? { prefixes: [], vpns: [], src: v.src };
    entry.prefixes.push(...routes);
    entry.vpns.push(v.id);
    byCgw.set(v.customerGatewayId, entry);
  }
  for (const [cgw, e] of [...byCgw.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    const prefixes = [...new Set(e.prefixes)];
    if (prefixes.length === 0) continue;
    const id = `${cgw}-network`;
    if (!claimId(ctx, id, 'on-premises network', e.src)) continue;
    const value: RawOnPremisesNetwork = { cidrs: prefixes, connections: e.vpns };
    out.onPremises.set(id, emitted(value, e.src.file, [`the static routes of ${e.vpns.join(', ')}: the on-premises side of customer gateway ${cgw}`]));
  }
}
