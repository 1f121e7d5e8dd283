// Following a value Terraform knows only after apply to the resource it comes from,
// through `configuration` expressions' `references` (Terraform's JSON output format:
// "references" lists every variable, resource and module a value refers to): a resource
// in the same module, a module call's argument (var.x -> the call in the parent module),
// a module's output (module.m.out -> the output's expression inside m), count / for_each
// instances paired by index or key, data sources by their id in prior_state. Locals are
// not in the JSON, so `local.x` stays unresolved: the caller then applies an unambiguous
// fallback or leaves the link out. Nothing here guesses.
import type { PlanContext } from './plan-context.js';
import { configPathOf } from './read-plan.js';
import type { Obj, PlanResource } from './plan-model.js';

/** What an attribute refers to. */
export interface Resolution {
  /** The resources it names (deduplicated, plan order). */
  readonly targets: readonly PlanResource[];
  /** Known ids that no resource of the plan has (existing infrastructure). */
  readonly literals: readonly string[];
  /** References that could not be followed (`local.x`, `each.value.id`, root `var.x`). */
  readonly unresolved: readonly string[];
  /** References naming something the plan does not hold at all (an error). */
  readonly missing: readonly string[];
  /** 'value' when the plan knows the value, 'reference' when it was followed. */
  readonly how: 'value' | 'reference' | 'none';
}

interface Scope {
  /** Module instance address ('' root). */
  readonly module: string;
  /** count index / for_each key of the resource (or module call) being resolved. */
  readonly index: number | string | undefined;
}

interface Acc {
  targets: PlanResource[];
  literals: string[];
  unresolved: string[];
  missing: string[];
}

const REF = /^(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)(?:\[(\d+|"(?:[^"\\]|\\.)*")\])?/;
const MODULE_REF = /^module\.([A-Za-z0-9_-]+)(?:\[(\d+|"(?:[^"\\]|\\.)*")\])?(?:\.([A-Za-z0-9_-]+))?/;
const SKIP = /^(count|each|path|terraform|self)\./;
const MAX_DEPTH = 32;

function keyOf(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  return text.startsWith('"') ? (JSON.parse(text) as string) : Number(text);
}

function instanceKey(address: string): number | string | undefined {
  const m = /\[(\d+|"(?:[^"\\]|\\.)*")\]$/.exec(address);
  return m ? keyOf(m[1]) : undefined;
}

function parentOf(moduleAddress: string): { parent: string; call: string } | undefined {
  const m = /^(?:(.*)\.)?module\.([A-Za-z0-9_-]+)(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?$/.exec(moduleAddress);
  return m ? { parent: m[1] ?? '', call: m[2]! } : undefined;
}

function expressionOf(expressions: Obj, attr: string): Obj | undefined {
  const e = expressions[attr];
  return typeof e === 'object' && e !== null && !Array.isArray(e) ? (e as Obj) : undefined;
}

function refsOf(expr: Obj | undefined): string[] {
  const refs = expr?.['references'];
  return Array.isArray(refs) ? refs.filter((x): x is string => typeof x === 'string') : [];
}

function literalsOf(v: unknown): string[] {
  if (typeof v === 'string') return v === '' ? [] : [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x !== '');
  return [];
}

function pick<T extends { readonly index: number | string | undefined }>(all: readonly T[], key: number | string | undefined, paired: boolean, scope: Scope): T[] {
  if (key !== undefined) return all.filter((r) => r.index === key);
  if (all.length <= 1) return [...all];
  if (paired && scope.index !== undefined) {
    const same = all.filter((r) => r.index === scope.index);
    if (same.length > 0) return same;
  }
  return [...all];
}

function follow(ctx: PlanContext, refs: readonly string[], scope: Scope, acc: Acc, depth: number): void {
  if (depth > MAX_DEPTH) {
    acc.unresolved.push(...refs);
    return;
  }
  const paired = refs.some((r) => r === 'count.index' || r.startsWith('each.'));
  // Terraform lists `aws_vpc.a[0].id`, `aws_vpc.a[0]` and `aws_vpc.a`: a keyed reference wins.
  const keyed = new Set(refs.map((r) => REF.exec(r)).filter((m) => m?.[4] !== undefined).map((m) => `${m![1] ?? ''}${m![2]}.${m![3]}`));
  const seen = new Set<string>();
  for (const ref of refs) {
    if (SKIP.test(ref)) continue;
    if (ref.startsWith('local.')) {
      acc.unresolved.push(ref.split(/[.[]/).slice(0, 2).join('.'));
      continue;
    }
    if (ref.startsWith('var.')) {
      const name = ref.split(/[.[]/)[1]!;
      if (seen.has(`var.${name}`)) continue;
      seen.add(`var.${name}`);
      followVariable(ctx, name, scope, acc, depth);
      continue;
    }
    if (ref.startsWith('module.')) {
      const m = MODULE_REF.exec(ref);
      if (!m || m[3] === undefined) continue; // `module.m` alone comes with `module.m.out`
      const id = `module.${m[1]}${m[2] ?? ''}.${m[3]}`;
      if (seen.has(id)) continue;
      seen.add(id);
      followOutput(ctx, m[1]!, keyOf(m[2]), m[3], paired, scope, acc, depth);
      continue;
    }
    const m = REF.exec(ref);
    if (!m) {
      acc.unresolved.push(ref);
      continue;
    }
    const base = `${m[1] ?? ''}${m[2]}.${m[3]}`;
    if (m[4] === undefined && keyed.has(base)) continue;
    const id = `${base}${m[4] ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const mode = m[1] !== undefined ? 'data' : 'managed';
    const all = ctx.plan.resources.filter((r) => r.module === scope.module && r.mode === mode && r.type === m[2] && r.name === m[3]);
    const configured = ctx.plan.modules.get(configPathOf(scope.module))?.resources.has(base) ?? false;
    if (all.length === 0 && !configured) {
      acc.missing.push(`${scope.module === '' ? '' : `${scope.module}.`}${id}`);
      continue;
    }
    for (const r of pick(all, keyOf(m[4]), paired, scope)) if (!acc.targets.includes(r)) acc.targets.push(r);
  }
}

function followExpression(ctx: PlanContext, expr: Obj | undefined, scope: Scope, acc: Acc, depth: number): void {
  if (expr === undefined) return;
  if ('constant_value' in expr) {
    acc.literals.push(...literalsOf(expr['constant_value']));
    return;
  }
  follow(ctx, refsOf(expr), scope, acc, depth + 1);
}

function followVariable(ctx: PlanContext, name: string, scope: Scope, acc: Acc, depth: number): void {
  const up = parentOf(scope.module);
  if (!up) {
    acc.unresolved.push(`var.${name}`);
    return;
  }
  const call = ctx.plan.modules.get(configPathOf(up.parent))?.calls.get(up.call);
  const expr = call ? expressionOf(call.expressions, name) : undefined;
  if (expr === undefined) {
    acc.unresolved.push(`var.${name}`);
    return;
  }
  followExpression(ctx, expr, { module: up.parent, index: instanceKey(scope.module) }, acc, depth);
}

/** The instances of a module call (`module.m`, `module.m[0]`, `module.m["a"]`) that hold resources. */
function childInstances(ctx: PlanContext, prefix: string): { address: string; index: number | string | undefined }[] {
  const out = new Set<string>();
  for (const r of ctx.plan.resources) {
    const m = r.module;
    if (m !== prefix && !m.startsWith(`${prefix}.`) && !m.startsWith(`${prefix}[`)) continue;
    const key = /^\[(?:\d+|"(?:[^"\\]|\\.)*")\]/.exec(m.slice(prefix.length));
    out.add(prefix + (key ? key[0] : ''));
  }
  return [...out].map((address) => ({ address, index: instanceKey(address) }));
}

function followOutput(ctx: PlanContext, call: string, key: number | string | undefined, output: string, paired: boolean, scope: Scope, acc: Acc, depth: number): void {
  const prefix = `${scope.module === '' ? '' : `${scope.module}.`}module.${call}`;
  const instances = childInstances(ctx, prefix);
  const childPath = configPathOf(prefix);
  const child = ctx.plan.modules.get(childPath);
  if (!child?.outputs.has(output)) {
    acc.missing.push(`${prefix}.${output}`);
    return;
  }
  const expr = child.outputs.get(output);
  for (const inst of pick(instances, key, paired, scope)) followExpression(ctx, expr, { module: inst.address, index: undefined }, acc, depth);
}

/**
 * What attribute `attr` of `r` refers to: the plan's value when known (ids matched to the
 * plan's resources and data sources), else the configuration's references, followed.
 */
export function resolveAttribute(ctx: PlanContext, r: PlanResource, attr: string): Resolution {
  const acc: Acc = { targets: [], literals: [], unresolved: [], missing: [] };
  const known = r.unknown[attr] === true ? [] : literalsOf(r.values[attr]);
  const byId = (id: string): PlanResource | undefined => ctx.plan.resources.find((x) => x.values['id'] === id && x.address !== r.address);
  if (known.length > 0) {
    for (const id of known) {
      const t = byId(id);
      if (t) acc.targets.push(t);
      else acc.literals.push(id);
    }
    return { ...acc, how: 'value' };
  }
  const expr = r.config ? expressionOf(r.config.expressions, attr) : undefined;
  if (expr === undefined) return { ...acc, how: 'none' };
  followExpression(ctx, expr, { module: r.module, index: r.index }, acc, 0);
  // A constant id written in the configuration names a resource by its id, like a known value.
  const literals = acc.literals.splice(0);
  for (const id of literals) {
    const t = byId(id);
    if (t) {
      if (!acc.targets.includes(t)) acc.targets.push(t);
    } else acc.literals.push(id);
  }
  return { ...acc, how: 'reference' };
}
