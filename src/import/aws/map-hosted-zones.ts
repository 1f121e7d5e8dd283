// Route 53 private hosted zones from a snapshot (docs/import.md): `aws route53
// list-hosted-zones` (HostedZones), `aws route53 get-hosted-zone` (HostedZone and its VPCs:
// the associations), and `aws route53 list-resource-record-sets` (ResourceRecordSets, which
// does not name its zone: the output's HostedZoneId, or the file name, Z....json, says
// which; or the wrapped form HostedZoneRecordSets: [{ HostedZoneId, ResourceRecordSets }]).
// Simple A, AAAA and CNAME records are imported; an alias becomes an alias to the interface
// endpoint, load balancer or record of the zone whose DNS name it targets. Public zones,
// other types and routing policies are warned about and left out.
import type { RawDnsRecord } from '../../model/format.js';
import { claimId, type ImportContext } from './context.js';
import type { JsonReader, Obj, Src } from './json-reader.js';
import { emitted } from './output-model.js';
import type { Snapshot } from './snapshot.js';

/** A hosted zone as read: from list-hosted-zones, or get-hosted-zone with its VPCs. */
export interface HostedZoneRec {
  readonly id: string;
  readonly name: string;
  readonly private: boolean;
  /** undefined: this output does not list associations (list-hosted-zones). */
  readonly vpcs: string[] | undefined;
  readonly src: Src;
}

/** The record sets of one zone. */
export interface RecordSetsRec {
  readonly zoneId: string;
  readonly sets: { readonly set: Obj; readonly path: string }[];
  readonly src: Src;
}

/** "/hostedzone/Z123" -> "Z123". */
function zoneId(id: string): string {
  return id.replace(/^\/?hostedzone\//, '');
}

function parseZone(r: JsonReader, z: Obj, path: string, vpcs: string[] | undefined, s: Snapshot): void {
  const id = r.str(z, 'Id', path);
  const name = r.str(z, 'Name', path);
  if (id === undefined || name === undefined) return;
  const config = r.optObj(z, 'Config', path);
  const priv = config ? r.optBool(config, 'PrivateZone', `${path}.Config`) ?? false : false;
  s.hostedZones.push({ id: zoneId(id), name: name.toLowerCase().replace(/\.$/, ''), private: priv, vpcs, src: r.src(path, z) });
}

/** list-hosted-zones. */
export function parseHostedZones(r: JsonReader, o: Obj, s: Snapshot): void {
  r.objects(o, 'HostedZones', '$', (z, p) => { parseZone(r, z, p, undefined, s); return undefined; });
}

/** get-hosted-zone: the zone and its VPC associations. */
export function parseGetHostedZone(r: JsonReader, o: Obj, s: Snapshot): void {
  const z = r.optObj(o, 'HostedZone', '$');
  if (!z) return;
  const vpcs = r.objects(o, 'VPCs', '$', (v, p) => r.optStr(v, 'VPCId', p));
  parseZone(r, z, '$.HostedZone', vpcs, s);
}

/** list-resource-record-sets, for the zone `id`. */
export function parseRecordSets(r: JsonReader, o: Obj, path: string, id: string, s: Snapshot): void {
  const sets = r.objects(o, 'ResourceRecordSets', path, (set, p) => ({ set, path: p }));
  s.recordSets.push({ zoneId: zoneId(id), sets, src: r.src(path, o) });
}

const SIMPLE = new Set(['A', 'AAAA', 'CNAME']);
const ROUTING = ['SetIdentifier', 'Weight', 'Failover', 'Region', 'GeoLocation', 'GeoProximityLocation', 'MultiValueAnswer', 'CidrRoutingConfig'];

/** The alias an AliasTarget DNS name stands for in the output, if it names something there. */
function aliasOf(ctx: ImportContext, dns: string, zone: HostedZoneRec, names: ReadonlySet<string>): RawDnsRecord['alias'] | undefined {
  const name = dns.toLowerCase().replace(/\.$/, '').replace(/^dualstack\./, '');
  for (const e of ctx.snapshot.endpoints) {
    const i = e.dnsNames.indexOf(name);
    if (i < 0 || !ctx.ids.has(e.id)) continue;
    if (i === 0) return { endpoint: e.id };
    // A zonal entry names the zone's AZ name; the output writes the subnet's AZ (its id when known).
    const sub = ctx.snapshot.subnets.find((x) => e.subnetIds.includes(x.id) && x.azName !== undefined && name.includes(`-${x.azName}.`));
    const az = sub ? sub.azId ?? ctx.snapshot.zones.find((z) => z.name === sub.azName)?.id ?? sub.azName : undefined;
    return az !== undefined ? { endpoint: e.id, az } : undefined;
  }
  const lb = ctx.snapshot.loadBalancers.find((l) => l.dnsName === name);
  const lbId = lb ? ctx.lbIds.get(lb.arn) : undefined;
  if (lbId !== undefined) return { loadBalancer: lbId };
  if (names.has(name)) return { record: name };
  void zone;
  return undefined;
}

function mapRecords(ctx: ImportContext, zone: HostedZoneRec): RawDnsRecord[] {
  const out: RawDnsRecord[] = [];
  const all = ctx.snapshot.recordSets.filter((x) => x.zoneId === zone.id).flatMap((x) => x.sets.map((s) => ({ ...s, src: x.src })));
  const names = new Set(all.map((x) => String(x.set['Name'] ?? '').toLowerCase().replace(/\.$/, '')));
  for (const { set, path, src } of all) {
    const name = String(set['Name'] ?? '').toLowerCase().replace(/\.$/, '').replace(/^\\052\./, '*.');
    const type = String(set['Type'] ?? '');
    if (type === 'SOA' || type === 'NS') continue;
    const where = `record set ${name} ${type} of zone ${zone.id}`;
    if (!SIMPLE.has(type)) {
      ctx.problems.warn('FIELD_DROPPED', zone.id, src.file, path, `${where}: vpcsim models A, AAAA and CNAME records only; left out`);
      continue;
    }
    const policy = ROUTING.find((k) => set[k] !== undefined);
    if (policy !== undefined) {
      ctx.problems.warn('FIELD_DROPPED', zone.id, src.file, path, `${where} uses a routing policy (${policy}); vpcsim models simple routing only, so it is left out`);
      continue;
    }
    const alias = set['AliasTarget'] as Obj | undefined;
    const values = Array.isArray(set['ResourceRecords']) ? (set['ResourceRecords'] as Obj[]).map((v) => String(v['Value'] ?? '')) : [];
    if (alias && typeof alias === 'object') {
      const target = aliasOf(ctx, String(alias['DNSName'] ?? ''), zone, names);
      if (!target || type === 'CNAME') {
        ctx.problems.warn('OUTSIDE_SNAPSHOT', zone.id, src.file, path, `${where} aliases ${String(alias['DNSName'] ?? '')}, which names no interface endpoint, load balancer or record of the snapshot; left out`);
        continue;
      }
      out.push({ name, type: type as 'A' | 'AAAA', alias: target });
    } else if (type === 'CNAME') {
      if (values[0] !== undefined) out.push({ name, type, value: values[0] });
    } else if (values.length > 0) out.push({ name, type: type as 'A' | 'AAAA', values });
  }
  return out;
}

/** Emit the private hosted zones associated with VPCs of the output. */
export function mapHostedZones(ctx: ImportContext): void {
  const byId = new Map<string, HostedZoneRec>();
  for (const z of ctx.snapshot.hostedZones) {
    const prev = byId.get(z.id);
    // get-hosted-zone (with its VPCs) says more than list-hosted-zones.
    if (!prev || (prev.vpcs === undefined && z.vpcs !== undefined)) byId.set(z.id, z);
  }
  for (const z of [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (!z.private) {
      ctx.problems.warn('UNMODELLED_RESOURCE', z.id, z.src.file, z.src.path, `public hosted zone ${z.name}: vpcsim models private hosted zones only`);
      continue;
    }
    const vpcs = (z.vpcs ?? []).filter((v) => ctx.out.vpcs.has(v));
    const outside = (z.vpcs ?? []).filter((v) => !ctx.out.vpcs.has(v));
    if (outside.length > 0 && vpcs.length > 0) ctx.problems.warn('OUTSIDE_SNAPSHOT', z.id, z.src.file, z.src.path, `private hosted zone ${z.name} is associated with ${outside.join(', ')}, not in the snapshot; those associations are left out`);
    if (vpcs.length === 0) {
      ctx.problems.warn('OUTSIDE_SNAPSHOT', z.id, z.src.file, z.src.path, `private hosted zone ${z.name} has no association with a VPC of the snapshot${z.vpcs === undefined ? ' (add get-hosted-zone output for its VPCs)' : ''}; left out`);
      continue;
    }
    if (!claimId(ctx, z.id, 'hostedZone', z.src)) continue;
    const records = mapRecords(ctx, z);
    ctx.out.hostedZones.set(z.id, emitted({ name: z.name, private: true as const, vpcs, ...(records.length > 0 ? { records } : {}) }, z.src.file));
  }
}
