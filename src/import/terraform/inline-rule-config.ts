// The configuration block an inline security group rule came from. Terraform's JSON gives
// an inline rule's values in `after` and its expressions in `configuration`, but `ingress`
// and `egress` are sets: `after` lists them in the set's order, not as written, so a value
// block is paired with the expression block whose constant attributes it equals, never by
// index (Terraform's JSON output format: "expressions" of a nested block are an array of
// blocks in configuration order). A rule whose peer (security_groups, prefix_list_ids) or
// whole set is known only after apply is then read from its expressions' references.
import type { Obj, PlanResource } from './plan-model.js';

const objs = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x)) : []);

/** Attributes whose constants identify a rule block, with the value the provider gives when unset. */
const IDENTIFYING: readonly (readonly [string, unknown])[] = [
  ['protocol', undefined], ['from_port', undefined], ['to_port', undefined], ['description', ''],
  ['self', false], ['cidr_blocks', []], ['ipv6_cidr_blocks', []],
];

/** The constant an expression holds, or undefined when it is not a constant. */
export function constantOf(expr: unknown): { readonly value: unknown } | undefined {
  if (typeof expr !== 'object' || expr === null || Array.isArray(expr) || !('constant_value' in expr)) return undefined;
  return { value: (expr as Obj)['constant_value'] };
}

// Protocol numbers and names both spell a protocol ("6" is "tcp", "-1" is "all").
const PROTOCOL_NAMES: Readonly<Record<string, string>> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6', all: '-1' };

function same(key: string, a: unknown, b: unknown): boolean {
  if (key === 'protocol') {
    const norm = (v: unknown): string => { const s = String(v).toLowerCase(); return PROTOCOL_NAMES[s] ?? s; };
    return norm(a) === norm(b);
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].map(String).sort().every((x, i) => x === [...b].map(String).sort()[i]);
  return a === b;
}

/** The expression blocks of an inline set (`ingress`, `egress`) in configuration order. */
export function configBlocks(r: PlanResource, key: string): Obj[] {
  return objs(r.config?.expressions[key]);
}

/**
 * The expression block a value block of the set came from: the one whose every constant
 * identifying attribute equals the value's (unset ones their provider default). Undefined
 * when none or several blocks with different expressions match: nothing then decides.
 */
export function matchConfigBlock(r: PlanResource, key: string, values: Obj): Obj | undefined {
  const matches = configBlocks(r, key).filter((e) => IDENTIFYING.every(([attr, unset]) => {
    if (e[attr] === undefined) return unset === undefined || values[attr] === undefined || same(attr, values[attr], unset);
    const c = constantOf(e[attr]);
    return c === undefined || values[attr] === undefined || same(attr, values[attr], c.value);
  }));
  if (matches.length === 0) return undefined;
  const first = JSON.stringify(matches[0]);
  return matches.every((m) => JSON.stringify(m) === first) ? matches[0] : undefined;
}

/**
 * A resource-like record of one rule block whose peers are followed as attributes: its
 * values are the block's known values, the peer attributes unknown, its expressions the
 * block's. The reference resolver reads it as it reads a resource.
 */
export function ruleBlockRecord(r: PlanResource, values: Obj, expressions: Obj): PlanResource {
  const peers = { security_groups: true, prefix_list_ids: true };
  const known = Object.fromEntries(Object.entries(values).filter(([k]) => !(k in peers)));
  return { ...r, values: known, unknown: peers, config: r.config ? { ...r.config, expressions } : undefined };
}
