// Prefix lists (describe-prefix-lists, describe-managed-prefix-lists and their entries).
// AWS-managed lists that vpcsim's catalogue knows (S3, DynamoDB) are built in and written by
// id or name; other lists with known entries become `prefixLists` entries of the topology.
import { awsServicesIn, type AwsService } from '../../model/aws-services.js';
import { formatPrefix } from '../../net/prefix.js';
import { claimId, missingReference, type ImportContext } from './context.js';
import type { JsonReader, Obj, Src } from './json-reader.js';
import { cidrOut } from './normalise-cidr.js';
import { emitted } from './output-model.js';
import { markCaptured, type PrefixListRec, type Snapshot } from './snapshot.js';

// A list's description and its entries come from different calls: merge them, keeping the
// description's source.
function upsert(s: Snapshot, rec: PrefixListRec): void {
  const i = s.prefixLists.findIndex((p) => p.id === rec.id);
  const existing = s.prefixLists[i];
  if (!existing) {
    s.prefixLists.push(rec);
    return;
  }
  const described = existing.name !== undefined || existing.owner !== undefined ? existing : rec;
  s.prefixLists[i] = {
    ...described,
    name: existing.name ?? rec.name,
    owner: existing.owner ?? rec.owner,
    cidrs: existing.cidrs ?? rec.cidrs,
  };
}

/** PrefixLists: describe-prefix-lists (AWS-managed lists with their CIDRs). */
export function parsePrefixLists(r: JsonReader, o: Obj, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'prefixLists');
  r.objects(o, 'PrefixLists', '$', (p, path) => {
    const id = r.str(p, 'PrefixListId', path);
    if (id === undefined) return undefined;
    const cidrs = r.strings(p, 'Cidrs', path).map((cidr) => ({ cidr, description: undefined }));
    upsert(s, { id, name: r.optStr(p, 'PrefixListName', path), owner: 'AWS', cidrs, src: r.src(path) });
    return undefined;
  });
}

/** ManagedPrefixLists: describe-managed-prefix-lists (no entries; those come separately). */
export function parseManagedPrefixLists(r: JsonReader, o: Obj, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'managedPrefixLists');
  r.objects(o, 'ManagedPrefixLists', '$', (p, path) => {
    const id = r.str(p, 'PrefixListId', path);
    if (id === undefined) return undefined;
    upsert(s, { id, name: r.optStr(p, 'PrefixListName', path), owner: r.optStr(p, 'OwnerId', path), cidrs: undefined, src: r.src(path) });
    return undefined;
  });
}

/** Entries of one list: get-managed-prefix-list-entries, wrapped with its PrefixListId. */
export function parsePrefixListEntries(r: JsonReader, o: Obj, path: string, plId: string, s: Snapshot): void {
  const cidrs = r.objects(o, 'Entries', path, (e, p) => {
    const cidr = r.str(e, 'Cidr', p);
    return cidr === undefined ? undefined : { cidr, description: r.optStr(e, 'Description', p) };
  });
  upsert(s, { id: plId, name: undefined, owner: undefined, cidrs, src: r.src(path) });
}

function regionsInUse(ctx: ImportContext): string[] {
  return [...new Set([ctx.out.region, ...ctx.vpcRegions.values()])].sort();
}

function catalogueList(ctx: ImportContext, match: (s: AwsService) => boolean): AwsService | undefined {
  for (const region of regionsInUse(ctx)) {
    const found = awsServicesIn(region).find((s) => s.prefixList !== undefined && match(s));
    if (found) return found;
  }
  return undefined;
}

function isAwsManaged(p: PrefixListRec): boolean {
  return p.owner === 'AWS' || (p.name ?? '').startsWith('com.amazonaws.');
}

function emitList(ctx: ImportContext, p: PrefixListRec): void {
  if (!claimId(ctx, p.id, 'prefix list', p.src)) return;
  const entries = (p.cidrs ?? []).flatMap((e, i) => {
    const cidr = cidrOut(ctx, e.cidr, p.id, p.src, `${p.src.path}.Cidrs[${i}]`);
    if (cidr === undefined) return [];
    return [e.description !== undefined && e.description !== '' ? { cidr, description: e.description } : cidr];
  });
  const managed = isAwsManaged(p) && /^pl-[0-9a-f]{8,17}$/.test(p.id) && (p.name ?? '').startsWith('com.amazonaws.');
  ctx.out.prefixLists.set(p.id, emitted({ ...(p.name !== undefined ? { name: p.name } : {}), ...(managed ? { awsManaged: true } : {}), entries }, p.src.file,
    isAwsManaged(p) ? ["AWS-managed, not in vpcsim's built-in catalogue"] : []));
}

/** Emit every customer-managed list whose entries the snapshot holds. */
export function mapPrefixLists(ctx: ImportContext): void {
  for (const p of ctx.snapshot.prefixLists) {
    if (isAwsManaged(p)) continue;
    if (p.cidrs === undefined) {
      ctx.problems.warn('OUTSIDE_SNAPSHOT', p.id, p.src.file, p.src.path,
        `the entries of prefix list ${p.id}${p.name ? ` (${p.name})` : ''} are not in the snapshot (get-managed-prefix-list-entries); routes and rules naming it are left out`);
      continue;
    }
    emitList(ctx, p);
  }
}

/**
 * How a route destination or rule peer names prefix list `id` in the output: the id or
 * name of a built-in list, or the id of an emitted one. Undefined (reported) when the
 * snapshot does not say what the list holds.
 */
export function prefixListRef(ctx: ImportContext, id: string, src: Src, path: string, resource: string, from: string): string | undefined {
  if (ctx.out.prefixLists.has(id)) return id;
  const rec = ctx.snapshot.prefixLists.find((p) => p.id === id);
  const name = rec !== undefined && isAwsManaged(rec) ? rec.name : undefined;
  const built = catalogueList(ctx, (s) => s.prefixList!.id === id || (name !== undefined && s.prefixList!.name === name));
  if (built) {
    const ours = built.publicRanges.map(formatPrefix).sort().join(', ');
    const theirs = (rec?.cidrs ?? []).map((e) => e.cidr).sort().join(', ');
    if (rec?.cidrs !== undefined && ours !== theirs) {
      ctx.problems.warn('CATALOGUE_DIFFERS', id, rec.src.file, rec.src.path,
        `AWS-managed prefix list ${id} (${built.prefixList!.name}) holds ${theirs || 'nothing'} in the snapshot; vpcsim's built-in catalogue, which verdicts and the ${built.short} endpoint routes use, has ${ours}${built.realRanges ? '' : ' (stand-in ranges)'}`);
    }
    return built.prefixList!.id === id ? id : built.prefixList!.name;
  }
  if (!rec) {
    missingReference(ctx, 'managedPrefixLists', src, path, { resource, from, what: `prefix list ${id}`, consequence: 'it is left out' });
    return undefined;
  }
  if (rec.cidrs === undefined) {
    ctx.problems.warn('OUTSIDE_SNAPSHOT', resource, src.file, path,
      `${from} names prefix list ${id}, whose entries are not in the snapshot; it is left out`);
    return undefined;
  }
  emitList(ctx, rec);
  return id;
}

/** The AWS service behind a gateway endpoint's prefix list, if the catalogue knows it. */
export function gatewayServiceOfPrefixList(ctx: ImportContext, id: string): AwsService | undefined {
  const rec = ctx.snapshot.prefixLists.find((p) => p.id === id);
  return catalogueList(ctx, (s) => s.gateway && (s.prefixList!.id === id || (rec?.name !== undefined && s.prefixList!.name === rec.name)));
}
