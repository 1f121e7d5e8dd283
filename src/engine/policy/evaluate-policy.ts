// Endpoint policy evaluation ("Control access to VPC endpoints using endpoint policies",
// AWS PrivateLink guide; "Policy evaluation logic", IAM User Guide): with no policy the
// default policy allows everything; otherwise an explicit Deny wins, then an Allow allows,
// and a request no statement allows is implicitly denied. Where a statement cannot be read
// or a condition cannot be evaluated, the stricter reading applies: such an Allow does not
// allow, such a Deny denies, and the decision says so.
import { evaluateConditions, type ConditionContext } from './match-condition.js';
import { matchesPattern } from './match-pattern.js';
import { describeStatement, parsePolicy, type PolicyStatement, type PrincipalElement, type ValueList } from './policy-document.js';

/** The request a flow carries: who calls which API on what. Missing parts are unknown. */
export interface PolicyRequest {
  readonly principal: string | undefined;
  readonly action: string | undefined;
  readonly resource: string | undefined;
}

/** The decision, with the statement that made it. */
export interface PolicyDecision {
  readonly allowed: boolean;
  /** The deciding statement; undefined for the default policy and the implicit deny. */
  readonly statement: PolicyStatement | undefined;
  /** One sentence: which statement decided and how. */
  readonly reason: string;
  /** Stricter readings taken on the way (unreadable statements, unmodelled conditions). */
  readonly caveats: readonly string[];
}

/** The account id of a principal ARN (arn:aws:iam::123456789012:role/x) or a bare account id. */
export function accountOf(principal: string | undefined): string | undefined {
  if (principal === undefined) return undefined;
  if (/^\d{12}$/.test(principal)) return principal;
  return /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
}

// An account id in a Principal element means that account's root user only ("Principals
// for gateway endpoints", AWS PrivateLink guide), so it is compared as the root ARN.
/**
 * How an account named as a principal is read. In IAM resource policies an account (its id,
 * or its :root ARN) stands for every principal of the account; for gateway endpoints AWS
 * reads it as the account's root user only ("Principals for gateway endpoints", Control
 * access to VPC endpoints using endpoint policies).
 */
export type AccountPrincipal = 'wholeAccount' | 'rootOnly';

function principalMatches(el: PrincipalElement, principal: string | undefined, accounts: AccountPrincipal): boolean {
  if (el.kind === 'any') return true;
  if (el.kind === 'other' || principal === undefined) return false;
  const asArn = (v: string): string => (/^\d{12}$/.test(v) ? `arn:aws:iam::${v}:root` : v);
  const account = accountOf(principal);
  return el.values.some((v) => {
    const written = asArn(v);
    if (written === asArn(principal)) return true;
    const m = /^arn:aws:iam::(\d{12}):root$/.exec(written);
    return accounts === 'wholeAccount' && m !== null && m[1] === account;
  });
}

// An unknown value (the flow did not say) matches only the bare wildcard "*".
function listMatches(list: ValueList, value: string | undefined, ignoreCase: boolean): boolean {
  if (value === undefined) return list.includes('*');
  return list.some((p) => matchesPattern(p, value, ignoreCase));
}

function elementMatches(pos: ValueList | undefined, neg: ValueList | undefined, value: string | undefined, ignoreCase: boolean): boolean {
  if (pos !== undefined) return listMatches(pos, value, ignoreCase);
  if (neg !== undefined) return value !== undefined && !listMatches(neg, value, ignoreCase);
  return false;
}

type Applies = boolean | { readonly unknown: string };

function applies(s: PolicyStatement, req: PolicyRequest, context: ConditionContext, accounts: AccountPrincipal): Applies {
  if (s.problems.length > 0) return { unknown: `${describeStatement(s)} cannot be read: ${s.problems.join('; ')}` };
  if (s.principal && !principalMatches(s.principal, req.principal, accounts)) return false;
  if (s.notPrincipal && (req.principal === undefined || principalMatches(s.notPrincipal, req.principal, accounts))) return false;
  if (!s.principal && !s.notPrincipal) return false; // endpoint policies must name a Principal
  if (!elementMatches(s.action, s.notAction, req.action, true)) return false;
  if (s.resource === undefined && s.notResource === undefined) return false;
  if (!elementMatches(s.resource, s.notResource, req.resource, false)) return false;
  const c = evaluateConditions(s.conditions, context);
  return c === true ? true : c === false ? false : { unknown: `${describeStatement(s)}: ${c.unknown}` };
}

function describeRequest(req: PolicyRequest): string {
  const v = (x: string | undefined, what: string): string => x ?? `(no ${what} given)`;
  return `${v(req.action, 'action')} on ${v(req.resource, 'resource')} by ${v(req.principal, 'principal')}`;
}

/** Evaluate an endpoint policy (undefined: the default policy) for a request. */
export function evaluatePolicy(policy: unknown, req: PolicyRequest, context: ConditionContext, accounts: AccountPrincipal = 'wholeAccount'): PolicyDecision {
  const what = describeRequest(req);
  if (policy === undefined) {
    return { allowed: true, statement: undefined, reason: `no policy is attached, so the default endpoint policy allows ${what}`, caveats: [] };
  }
  const doc = parsePolicy(policy);
  const caveats: string[] = [...doc.problems.map((p) => `${p}: nothing is allowed`)];
  let allow: PolicyStatement | undefined;
  for (const s of doc.statements) {
    const a = applies(s, req, context, accounts);
    if (a !== true && a !== false) {
      caveats.push(`${a.unknown}; vpcsim takes the stricter reading (${s.effect === 'Deny' ? 'the Deny applies' : 'the Allow does not apply'})`);
      if (s.effect === 'Deny') return { allowed: false, statement: s, reason: `${describeStatement(s)} denies ${what} (stricter reading)`, caveats };
      continue;
    }
    if (!a) continue;
    if (s.effect === 'Deny') return { allowed: false, statement: s, reason: `${describeStatement(s)} denies ${what}: an explicit Deny always wins`, caveats };
    allow ??= s;
  }
  if (allow) return { allowed: true, statement: allow, reason: `${describeStatement(allow)} allows ${what}`, caveats };
  return { allowed: false, statement: undefined, reason: `no statement allows ${what}: implicit deny`, caveats };
}
