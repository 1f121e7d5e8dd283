// One reference of a resource, resolved for a mapper: the plan's value or the followed
// configuration references (resolve-reference.ts), narrowed to the resource types the
// attribute can name. When they do not decide, only an unambiguous fallback rule is used
// (a single candidate, CIDR containment), and an UNRESOLVED_REFERENCE warning names the
// address, the attribute and the rule; a reference to something the plan does not hold is
// an error. Every link made is recorded, so tests (and readers) see how each was made.
import { errorAt, warnAt, type LinkHow, type PlanContext } from './plan-context.js';
import type { PlanResource } from './plan-model.js';
import { resolveAttribute } from './resolve-reference.js';

/** What a mapper asks for. */
export interface LinkSpec {
  readonly attr: string;
  /** Resource types the attribute may name. */
  readonly types: readonly string[];
  /** What it names, for messages: "VPC", "subnet". */
  readonly what: string;
  /** Candidates of the unambiguous fallback rule, and the rule's name. */
  readonly fallback?: { readonly rule: string; readonly candidates: () => readonly PlanResource[] };
}

function record(ctx: PlanContext, r: PlanResource, attr: string, to: readonly PlanResource[], how: LinkHow): void {
  for (const t of to) {
    if (!ctx.links.some((l) => l.from === r.address && l.attr === attr && l.to === t.address)) ctx.links.push({ from: r.address, attr, to: t.address, how });
  }
}

function useFallback(ctx: PlanContext, r: PlanResource, spec: LinkSpec, why: string): PlanResource | undefined {
  const candidates = spec.fallback?.candidates() ?? [];
  if (spec.fallback && candidates.length === 1) {
    const only = candidates[0]!;
    warnAt(ctx, 'UNRESOLVED_REFERENCE', r,
      `${r.address}.${spec.attr}: ${why}; ${only.address} is used by the rule "${spec.fallback.rule}" (the only candidate)`);
    record(ctx, r, spec.attr, [only], 'fallback');
    return only;
  }
  const rule = spec.fallback ? ` and the rule "${spec.fallback.rule}" finds ${candidates.length} candidates` : '';
  warnAt(ctx, 'UNRESOLVED_REFERENCE', r, `${r.address}.${spec.attr}: ${why}${rule}; the ${spec.what} is left out, so verdicts do not account for this link`);
  return undefined;
}

function resolved(ctx: PlanContext, r: PlanResource, spec: LinkSpec) {
  const res = resolveAttribute(ctx, r, spec.attr);
  if (res.missing.length > 0) {
    errorAt(ctx, 'UNKNOWN_REFERENCE', r, `${spec.attr} references ${res.missing.join(', ')}, which the plan does not hold (no such resource, module or output in configuration)`);
  }
  const targets = res.targets.filter((t) => spec.types.includes(t.type));
  return { res, targets };
}

/** The single resource an attribute names, or undefined (with a warning when it should name one). */
export function linkOne(ctx: PlanContext, r: PlanResource, spec: LinkSpec): PlanResource | undefined {
  const { res, targets } = resolved(ctx, r, spec);
  if (targets.length === 1) {
    record(ctx, r, spec.attr, targets, res.how === 'value' ? 'value' : 'reference');
    return targets[0];
  }
  if (targets.length > 1) {
    const narrowed = spec.fallback ? spec.fallback.candidates().filter((c) => targets.includes(c)) : [];
    if (narrowed.length === 1) {
      warnAt(ctx, 'UNRESOLVED_REFERENCE', r, `${r.address}.${spec.attr}: the references name ${targets.length} ${spec.what}s (${targets.map((t) => t.address).join(', ')}); ${narrowed[0]!.address} is used by the rule "${spec.fallback!.rule}"`);
      record(ctx, r, spec.attr, narrowed, 'fallback');
      return narrowed[0];
    }
    warnAt(ctx, 'UNRESOLVED_REFERENCE', r, `${r.address}.${spec.attr}: the references name ${targets.length} ${spec.what}s (${targets.map((t) => t.address).join(', ')}) and nothing decides between them; the link is left out`);
    return undefined;
  }
  if (res.missing.length > 0) return undefined;
  if (res.literals.length > 0) {
    warnAt(ctx, 'OUTSIDE_PLAN', r, `${r.address}.${spec.attr} is ${res.literals.join(', ')}, which no resource or data source of the plan has; the link is left out`);
    return undefined;
  }
  if (res.how === 'none') return undefined;
  const why = res.unresolved.length > 0 ? `known only after apply, through ${[...new Set(res.unresolved)].join(', ')}, which the plan JSON does not hold` : 'known only after apply, and its references name no ' + spec.what;
  return useFallback(ctx, r, spec, why);
}

/** Every resource a list attribute names (subnet_ids, security_group_ids...). */
export function linkAll(ctx: PlanContext, r: PlanResource, spec: LinkSpec): PlanResource[] {
  const { res, targets } = resolved(ctx, r, spec);
  if (targets.length > 0) {
    record(ctx, r, spec.attr, targets, res.how === 'value' ? 'value' : 'reference');
    if (res.literals.length > 0) {
      warnAt(ctx, 'OUTSIDE_PLAN', r, `${r.address}.${spec.attr} also names ${res.literals.join(', ')}, which no resource or data source of the plan has; left out`);
    }
    if (res.unresolved.length > 0 && res.how === 'reference') {
      warnAt(ctx, 'UNRESOLVED_REFERENCE', r, `${r.address}.${spec.attr} also refers to ${[...new Set(res.unresolved)].join(', ')}, which the plan JSON does not hold; only ${targets.map((t) => t.address).join(', ')} are used`);
    }
    return [...targets];
  }
  if (res.missing.length > 0) return [];
  if (res.literals.length > 0) {
    warnAt(ctx, 'OUTSIDE_PLAN', r, `${r.address}.${spec.attr} names ${res.literals.join(', ')}, which no resource or data source of the plan has; left out`);
    return [];
  }
  if (res.how === 'none' || res.unresolved.length === 0) return [];
  const one = useFallback(ctx, r, spec, `known only after apply, through ${[...new Set(res.unresolved)].join(', ')}, which the plan JSON does not hold`);
  return one ? [one] : [];
}
