// Small edits of a raw topology for metamorphic properties: add or remove a rule, remove or
// blackhole a route. Each returns a new object (the input is never changed) and says in words
// what it did, for failure messages.
import type { RawAclRule, RawSgRule, RawTopology, RawVpc } from '../../src/model/format.js';

/** An edited topology and what the edit was. */
export interface Edited {
  readonly raw: RawTopology;
  readonly what: string;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function clone(raw: RawTopology): Writable<RawTopology> & { vpcs: Record<string, Writable<RawVpc>> } {
  return structuredClone(raw) as Writable<RawTopology> & { vpcs: Record<string, Writable<RawVpc>> };
}

/** [vpc id, resource id] of every written resource in one of a VPC's maps, in file order. */
export function resourcesOf(raw: RawTopology, field: 'securityGroups' | 'networkAcls' | 'routeTables'): [string, string][] {
  return Object.entries(raw.vpcs ?? {}).flatMap(([vpc, v]) => Object.keys(v[field] ?? {}).map((id): [string, string] => [vpc, id]));
}

/** All traffic to or from anywhere. */
export const ALLOW_ALL_SG_RULE: RawSgRule = { protocol: 'all', cidr: '0.0.0.0/0' };

/** Add a rule at the end of one direction of a security group. */
export function addSgRule(raw: RawTopology, vpc: string, sg: string, direction: 'ingress' | 'egress', rule: RawSgRule): Edited {
  const out = clone(raw);
  const group = out.vpcs[vpc]!.securityGroups![sg] as { ingress?: RawSgRule[]; egress?: RawSgRule[] };
  // An omitted egress list is AWS's allow-all default; adding a rule keeps it allow-all.
  group[direction] = [...(group[direction] ?? []), rule];
  return { raw: out, what: `added ${JSON.stringify(rule)} to ${sg} ${direction}` };
}

/** Remove rule `index` of one direction of a security group (an emptied list stays, meaning none). */
export function removeSgRule(raw: RawTopology, vpc: string, sg: string, direction: 'ingress' | 'egress', index: number): Edited {
  const out = clone(raw);
  const group = out.vpcs[vpc]!.securityGroups![sg] as { ingress?: RawSgRule[]; egress?: RawSgRule[] };
  const rules = group[direction] ?? [];
  const removed = rules[index];
  group[direction] = rules.filter((_, i) => i !== index);
  return { raw: out, what: `removed ${sg} ${direction} rule ${index + 1} ${JSON.stringify(removed)}` };
}

/** Add an allow-all entry numbered below every other entry of one direction of an ACL. */
export function addAclAllowAll(raw: RawTopology, vpc: string, acl: string, direction: 'ingress' | 'egress'): Edited {
  const out = clone(raw);
  const entries = out.vpcs[vpc]!.networkAcls![acl] as { ingress?: RawAclRule[]; egress?: RawAclRule[] };
  const rules = entries[direction] ?? [];
  const lowest = Math.min(100, ...rules.map((r) => r.rule)) - 1;
  if (lowest < 1) throw new Error(`no free rule number below ${lowest + 1} in ${acl}`);
  const rule: RawAclRule = { rule: lowest, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0' };
  entries[direction] = [...rules, rule];
  return { raw: out, what: `added ${JSON.stringify(rule)} to ${acl} ${direction}` };
}

/** Remove written route `index` of a route table. */
export function removeRoute(raw: RawTopology, vpc: string, table: string, index: number): Edited {
  const out = clone(raw);
  const rt = out.vpcs[vpc]!.routeTables![table] as { routes?: { destination: string; target: string }[] };
  const removed = rt.routes?.[index];
  rt.routes = (rt.routes ?? []).filter((_, i) => i !== index);
  return { raw: out, what: `removed route ${JSON.stringify(removed)} from ${table}` };
}

/** Point written route `index` of a route table at blackhole. */
export function blackholeRoute(raw: RawTopology, vpc: string, table: string, index: number): Edited {
  const out = clone(raw);
  const rt = out.vpcs[vpc]!.routeTables![table] as { routes?: { destination: string; target: string }[] };
  const route = rt.routes![index]!;
  const was = route.target;
  route.target = 'blackhole';
  return { raw: out, what: `pointed route ${route.destination} of ${table} (was -> ${was}) at blackhole` };
}
