// A nested block of a resource (default_action, subnet_mapping...) read like a resource,
// so the reference resolver can follow its attributes: its values, its after_unknown and
// its block of configuration expressions (format 1.x writes nested blocks as arrays of
// expression objects; format 0.x leaves them out, and then only the plan's values count).
import type { Obj, PlanResource } from './plan-model.js';

const objs = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x)) : []);

/** The blocks under `key` of a resource, each as a resource-like record. */
export function nestedBlocks(r: PlanResource, key: string): PlanResource[] {
  const values = objs(r.values[key]);
  const unknown = objs(r.unknown[key]);
  const exprs = objs(r.config?.expressions[key]);
  return values.map((v, i) => ({
    ...r,
    values: v,
    unknown: unknown[i] ?? {},
    config: r.config ? { ...r.config, expressions: exprs[i] ?? (values.length === 1 ? exprs[0] ?? {} : {}) } : undefined,
  }));
}
