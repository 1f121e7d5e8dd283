// Condition blocks ("IAM JSON policy elements: Condition operators", IAM User Guide): every
// clause must hold (AND); within a clause any value may match (OR). A key the request does
// not carry fails a positive operator and satisfies a negated one; `...IfExists` holds when
// the key is missing. The string operators and the global keys endpoint policies use are
// modelled; anything else cannot be evaluated and is reported as such.
import type { ConditionClause } from './policy-document.js';
import { matchesPattern } from './match-pattern.js';

/** Condition keys of a request, lower-cased ("aws:sourcevpce" -> "vpce-s3"). */
export type ConditionContext = ReadonlyMap<string, string>;

/** The outcome of a clause: true, false, or not evaluable (with why). */
export type ClauseResult = boolean | { readonly unknown: string };

const KEYS = new Set(['aws:sourcevpce', 'aws:sourcevpc', 'aws:principalaccount', 'aws:principalarn']);

type StringTest = (pattern: string, value: string) => boolean;

const OPERATORS: Record<string, { readonly test: StringTest; readonly negated: boolean }> = {
  stringequals: { test: (p, v) => p === v, negated: false },
  stringnotequals: { test: (p, v) => p === v, negated: true },
  stringequalsignorecase: { test: (p, v) => p.toLowerCase() === v.toLowerCase(), negated: false },
  stringnotequalsignorecase: { test: (p, v) => p.toLowerCase() === v.toLowerCase(), negated: true },
  stringlike: { test: (p, v) => matchesPattern(p, v), negated: false },
  stringnotlike: { test: (p, v) => matchesPattern(p, v), negated: true },
};

/** Evaluate one clause against the request's keys. */
export function evaluateClause(clause: ConditionClause, context: ConditionContext): ClauseResult {
  const lowered = clause.operator.toLowerCase();
  const ifExists = lowered.endsWith('ifexists');
  const op = OPERATORS[ifExists ? lowered.slice(0, -'ifexists'.length) : lowered];
  const key = clause.key.toLowerCase();
  if (!op) return { unknown: `condition operator ${clause.operator} is not modelled` };
  if (!KEYS.has(key)) return { unknown: `condition key ${clause.key} is not modelled` };
  const value = context.get(key);
  if (value === undefined) return ifExists || op.negated;
  const any = clause.values.some((p) => op.test(p, value));
  return op.negated ? !any : any;
}

/** All clauses of a statement: true, false, or the first reason one could not be evaluated. */
export function evaluateConditions(clauses: readonly ConditionClause[], context: ConditionContext): ClauseResult {
  let unknown: { readonly unknown: string } | undefined;
  for (const c of clauses) {
    const r = evaluateClause(c, context);
    if (r === false) return false;
    if (r !== true) unknown ??= r;
  }
  return unknown ?? true;
}
