// The file's own additions to the AWS service catalogue: AWS-managed prefix lists with their
// real pl- ids and entries (`prefixLists` with `awsManaged: true`), and AWS services the
// built-in catalogue lacks or that the file replaces (`awsServices`). An AWS-managed list
// named after a gateway service (com.amazonaws.<region>.s3 / .dynamodb) replaces that
// service's built-in list: its gateway endpoints route to the file's id and ranges
// ("AWS-managed prefix lists", Amazon VPC guide: each Region has its own list per service).
import { ALL_AWS_SERVICES, findAwsService, type AwsService } from '../aws-services.js';
import type { RawTopology } from '../format.js';
import type { PrefixList } from '../resources.js';
import { pointer } from '../source-map.js';
import { cidrAt, report, type BuildContext } from './context.js';

const PL_ID = /^pl-[0-9a-f]{8,17}$/;
const SERVICE_NAME = /^com\.amazonaws\.([a-z]{2}(?:-[a-z]+)+-\d)\.([a-z0-9][a-z0-9.-]*)$/;

/**
 * Apply the file's AWS-managed lists and declared services to the built-in prefix lists,
 * lookup and catalogue; returns the services every VPC of the file sees.
 */
export function declareAwsServices(
  ctx: BuildContext, raw: RawTopology, prefixLists: Map<string, PrefixList>, lookup: Map<string, string>,
): ReadonlyMap<string, AwsService> {
  const overrides = new Map<string, AwsService>();
  for (const [id, pl] of Object.entries(raw.prefixLists ?? {})) {
    if (pl.awsManaged !== true) continue;
    const ptr = pointer('prefixLists', id);
    if (!PL_ID.test(id)) report(ctx, 'AWS_MANAGED_SHAPE', `"${id}" is not an AWS prefix list id (pl- and 8 to 17 hex digits)`, ptr, 'key');
    if (pl.name === undefined || !pl.name.startsWith('com.amazonaws.')) {
      report(ctx, 'AWS_MANAGED_SHAPE', 'an AWS-managed prefix list is named com.amazonaws.<region>.<service>', pl.name === undefined ? ptr : `${ptr}/name`, pl.name === undefined ? 'key' : 'value');
      continue;
    }
    const builtIn = findAwsService(pl.name);
    if (!builtIn?.prefixList) continue;
    const mine = prefixLists.get(id);
    if (!mine) continue;
    // The file's list replaces the catalogue's of the same name.
    const old = builtIn.prefixList.id;
    if (old !== id && !prefixLists.get(old)?.written) prefixLists.delete(old);
    if (lookup.get(old) === old) lookup.delete(old);
    lookup.set(pl.name, id);
    overrides.set(builtIn.name, { ...builtIn, prefixList: { id, name: pl.name }, publicRanges: mine.entries, realRanges: true });
  }
  for (const [name, s] of Object.entries(raw.awsServices ?? {})) {
    const ptr = pointer('awsServices', name);
    const m = SERVICE_NAME.exec(name);
    if (!m) continue; // the schema's pattern reported it
    const gateway = s.endpointTypes.includes('gateway');
    const publicRanges = (s.publicRanges ?? []).flatMap((text, i) => {
      const c = cidrAt(ctx, text, `${ptr}/publicRanges/${i}`, 4);
      return c ? [c] : [];
    });
    let prefixList: AwsService['prefixList'];
    if (gateway) {
      const list = s.prefixList !== undefined ? raw.prefixLists?.[s.prefixList] : undefined;
      if (s.prefixList === undefined || list?.awsManaged !== true) {
        report(ctx, 'AWS_MANAGED_SHAPE', 'a gateway service routes to its AWS-managed prefix list: name an awsManaged entry of prefixLists', s.prefixList === undefined ? ptr : `${ptr}/prefixList`, s.prefixList === undefined ? 'key' : 'value');
      } else {
        prefixList = { id: s.prefixList, name: list.name ?? name };
        lookup.set(name, s.prefixList);
      }
    } else if (s.prefixList !== undefined) {
      report(ctx, 'AWS_MANAGED_SHAPE', 'only a gateway service has a prefix list', `${ptr}/prefixList`, 'key');
    }
    overrides.set(name, {
      name, short: m[2]!, region: m[1]!, gateway, interface: s.endpointTypes.includes('interface'),
      dnsName: s.dnsName ?? `${m[2]}.${m[1]}.amazonaws.com`, prefixList, publicRanges, realRanges: true, declared: true,
    });
  }
  if (overrides.size === 0) return ALL_AWS_SERVICES;
  const merged = new Map(ALL_AWS_SERVICES);
  for (const [k, v] of overrides) merged.set(k, v);
  return new Map([...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
