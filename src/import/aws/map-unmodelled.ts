// Everything vpcsim does not model, named in warnings so that nothing is dropped silently:
// transit gateway attachments other than VPC and peering ones (map-transit-gateways.ts),
// VPN and customer gateways, egress-only internet gateways, classic ELBs, RDS and
// OpenSearch domains, network interfaces not imported; routes to targets vpcsim cannot follow;
// and describe calls whose absence changes verdicts.
import { cmp } from './problems.js';
import type { ImportContext, UnfollowedRoute } from './context.js';
import type { JsonReader, Obj } from './json-reader.js';
import { isCaptured, type Snapshot, type UnmodelledRec } from './snapshot.js';

/** How to read one describe call of an unmodelled kind. */
interface UnmodelledKind {
  readonly kind: string;
  readonly idKey: string;
  readonly parentKeys?: readonly string[];
  readonly detail?: (o: Obj) => string | undefined;
  /** Only records for which this holds matter (default: all). */
  readonly matters?: (o: Obj) => boolean;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const stateOf = (o: Obj): string | undefined => str(o['State']) ?? str((o['State'] as Obj | undefined)?.['Code']) ?? str((o['DBInstanceStatus']));

/** Top-level keys of describe calls for things vpcsim does not model. */
export const UNMODELLED_KEYS: Readonly<Record<string, UnmodelledKind>> = {
  TransitGatewayConnects: { kind: 'transit gateway Connect attachment', idKey: 'TransitGatewayAttachmentId', parentKeys: ['TransitGatewayId'] },
  CarrierGateways: { kind: 'carrier gateway', idKey: 'CarrierGatewayId' },
  LoadBalancerDescriptions: { kind: 'Classic Load Balancer', idKey: 'LoadBalancerName', detail: (o) => str(o['Scheme']) },
  DBInstances: { kind: 'RDS instance', idKey: 'DBInstanceIdentifier', detail: (o) => str(o['Engine']) },
  DomainStatusList: { kind: 'OpenSearch domain', idKey: 'DomainName' },
  Firewalls: { kind: 'Network Firewall', idKey: 'FirewallName' },
  ClientVpnEndpoints: { kind: 'Client VPN endpoint', idKey: 'ClientVpnEndpointId' },
  // DHCP option sets matter to verdicts only when they replace the Amazon DNS server.
  DhcpOptions: {
    kind: 'DHCP option set with custom DNS servers', idKey: 'DhcpOptionsId',
    matters: (o) => customDnsServers(o).length > 0,
    detail: (o) => customDnsServers(o).join(', '),
  },
};

function customDnsServers(o: Obj): string[] {
  const configs = Array.isArray(o['DhcpConfigurations']) ? (o['DhcpConfigurations'] as Obj[]) : [];
  const servers = configs.filter((c) => c['Key'] === 'domain-name-servers')
    .flatMap((c) => (Array.isArray(c['Values']) ? (c['Values'] as Obj[]) : []).map((v) => str(v['Value'])));
  return servers.filter((v): v is string => v !== undefined && v !== 'AmazonProvidedDNS');
}

const GONE = new Set(['deleted', 'deleting', 'terminated']);

/** Read the records of an unmodelled describe call. */
export function parseUnmodelled(r: JsonReader, o: Obj, key: string, s: Snapshot): void {
  const k = UNMODELLED_KEYS[key]!;
  r.objects(o, key, '$', (x, path) => {
    const id = r.str(x, k.idKey, path);
    if (id === undefined || (k.matters !== undefined && !k.matters(x))) return undefined;
    const state = stateOf(x)?.toLowerCase();
    if (state !== undefined && GONE.has(state)) return undefined;
    const parent = (k.parentKeys ?? []).map((p) => str(x[p])).find((p) => p !== undefined && p !== id);
    const detail = [k.detail?.(x), state !== undefined && state !== 'available' ? state : undefined].filter(Boolean).join(', ');
    s.unmodelled.push({ kind: k.kind, id, parent, detail: detail === '' ? undefined : detail, src: r.src(path, x) });
    return undefined;
  });
}

function rootOf(byId: Map<string, UnmodelledRec>, rec: UnmodelledRec): string {
  let cur = rec;
  const seen = new Set<string>();
  while (cur.parent !== undefined && !seen.has(cur.id)) {
    seen.add(cur.id);
    const next = byId.get(cur.parent);
    if (!next) return cur.parent;
    cur = next;
  }
  return cur.id;
}

function routeList(routes: readonly UnfollowedRoute[]): string {
  return [...routes].sort((a, b) => cmp(a.routeTable, b.routeTable) || cmp(a.destination, b.destination))
    .map((r) => `${r.routeTable} ${r.destination}`).join(', ');
}

/** What routes to an unfollowed target became, for the warning naming it. */
function routesSentence(routes: readonly UnfollowedRoute[]): string {
  const kept = routes.filter((r) => !r.blackhole);
  const dropped = routes.filter((r) => r.blackhole);
  return [
    kept.length > 0 ? `routes to it keep it as their target, under unmodelled:, so a trace taking one stops there (UNMODELLED_TARGET, its verdict resting on an unmodelled part): ${routeList(kept)}` : undefined,
    dropped.length > 0 ? `routes to it are imported as blackholes (its id names another resource), so verdicts drop the traffic they match: ${routeList(dropped)}` : undefined,
  ].filter(Boolean).join('; ');
}

/** Warn about every unmodelled resource, unfollowed route, foreign ENI and missing call. */
export function warnUnmodelled(ctx: ImportContext): void {
  const s = ctx.snapshot;
  const byId = new Map<string, UnmodelledRec>();
  for (const u of s.unmodelled) if (!byId.has(u.id)) byId.set(u.id, u);
  const groups = new Map<string, UnmodelledRec[]>();
  for (const u of byId.values()) {
    const root = rootOf(byId, u);
    groups.set(root, [...(groups.get(root) ?? []), u]);
  }
  const covered = new Set<string>();
  for (const [root, members] of [...groups.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    const head = byId.get(root) ?? members[0]!;
    const label = byId.has(root) ? head.kind : root.startsWith('tgw-') ? 'transit gateway' : root.startsWith('vgw-') ? 'virtual private gateway' : head.kind;
    const parts = members.filter((m) => m.id !== root)
      .sort((a, b) => cmp(a.kind, b.kind) || cmp(a.id, b.id))
      .map((m) => `${m.kind} ${m.id}${m.detail ? ` (${m.detail})` : ''}`);
    const routes = ctx.unfollowed.get(root) ?? [];
    covered.add(root);
    const text = [
      ctx.out.transitGateways.has(root) && !byId.has(root)
        ? `transit gateway ${root} is modelled, but not all of its attachments; verdicts do not account for those`
        : `${label} ${root}${byId.has(root) && head.detail ? ` (${head.detail})` : ''} is not modelled; verdicts do not account for it`,
      parts.length > 0 ? `With it: ${[...new Set(parts)].join('; ')}` : undefined,
      routes.length > 0 ? `Its ${routesSentence(routes)}` : undefined,
    ].filter(Boolean).join('. ');
    ctx.problems.warn('UNMODELLED_RESOURCE', root, head.src.file, head.src.path, text);
  }
  for (const [target, routes] of [...ctx.unfollowed.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    if (covered.has(target)) continue;
    const first = routes[0]!;
    ctx.problems.warn(routes.every((r) => r.blackhole) ? 'ROUTE_AS_BLACKHOLE' : 'ROUTE_TO_UNMODELLED', target, first.src.file, first.path,
      `${target} (${first.why}): ${routesSentence(routes)}`);
  }
  warnForeignEnis(ctx, byId);
  warnMissingCalls(ctx);
}

function warnForeignEnis(ctx: ImportContext, unmodelled: Map<string, UnmodelledRec>): void {
  const s = ctx.snapshot;
  const seen = new Set<string>();
  const outside = new Map<string, string[]>();
  for (const e of s.enis) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    if (e.instanceId !== undefined) continue;
    if ([...ctx.out.vpcs.values()].some((v) => v.networkInterfaces.has(e.id))) continue;
    const type = e.type ?? 'interface';
    const desc = e.description ?? '';
    if (type === 'nat_gateway' && s.natGateways.some((n) => desc.includes(n.id) || n.addresses.some((a) => a.eniId === e.id))) continue;
    if (s.endpoints.some((x) => x.eniIds.includes(e.id))) continue;
    if (desc.startsWith('ELB ') && s.loadBalancers.some((lb) => lb.arn.endsWith(`/${desc.slice(4)}`) || lb.name === desc.slice(4))) continue;
    if (desc.startsWith('ELB ') && s.unmodelled.some((u) => u.kind === 'Classic Load Balancer' && u.id === desc.slice(4))) continue;
    const attachment = /tgw-attach-[0-9a-f]+/.exec(desc)?.[0];
    if (type === 'transit_gateway' && attachment !== undefined && (unmodelled.has(attachment) || ctx.ids.get(attachment) === 'transit gateway attachment')) continue;
    if (e.vpcId !== undefined && !ctx.out.vpcs.has(e.vpcId)) {
      outside.set(e.vpcId, [...(outside.get(e.vpcId) ?? []), e.id]);
      continue;
    }
    ctx.problems.warn('UNMODELLED_RESOURCE', e.id, e.src.file, e.src.path,
      `network interface ${e.id} (${[type, desc].filter((x) => x !== '').join(': ')}) at ${e.privateIp ?? 'no address'}${e.publicIp ? ` / ${e.publicIp}` : ''} in ${e.subnetId ?? 'no subnet'} belongs to no resource vpcsim models; verdicts do not account for it`);
  }
  for (const [vpcId, ids] of [...outside.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    const first = s.enis.find((e) => e.id === ids[0])!;
    ctx.problems.warn('OUTSIDE_SNAPSHOT', vpcId, first.src.file, first.src.path,
      `network interface${ids.length === 1 ? '' : 's'} ${ids.join(', ')} of VPC ${vpcId}, which is not in the snapshot, ${ids.length === 1 ? 'is' : 'are'} left out`);
  }
}

function warnMissingCalls(ctx: ImportContext): void {
  const s = ctx.snapshot;
  const dirs = [...new Set(s.vpcs.filter((v) => ctx.out.vpcs.has(v.id)).map((v) => v.src.dir))].sort(cmp);
  for (const dir of dirs) {
    const vpcs = s.vpcs.filter((v) => v.src.dir === dir && s.subnets.some((x) => x.vpcId === v.id)).map((v) => v.id).sort(cmp);
    if (vpcs.length === 0) continue;
    const where = dir === '' ? 'the snapshot folder' : `${dir}/`;
    if (!isCaptured(s, dir, 'routeTables')) {
      ctx.problems.warn('MISSING_DESCRIBE_CALL', vpcs.join(','), dir, '',
        `${where} has no describe-route-tables (RouteTables): the subnets of ${vpcs.join(', ')} get only the implicit local routes, so every flow leaving its VPC is unreachable in verdicts`);
    }
    if (!isCaptured(s, dir, 'networkAcls')) {
      ctx.problems.warn('MISSING_DESCRIBE_CALL', vpcs.join(','), dir, '',
        `${where} has no describe-network-acls (NetworkAcls): the subnets of ${vpcs.join(', ')} get vpcsim's default ACL, which allows all traffic`);
    }
  }
}
