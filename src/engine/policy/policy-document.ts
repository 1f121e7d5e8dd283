// An endpoint policy as the evaluator reads it: the IAM policy language ("IAM JSON policy
// element reference", IAM User Guide) reduced to what endpoint policies use. A document is
// parsed once into statements; anything the evaluator cannot read is kept as a problem so
// the trace can say so, never silently dropped.

/** One value list of a policy element ("s3:GetObject" or ["s3:Get*", "s3:List*"]). */
export type ValueList = readonly string[];

/** The Principal or NotPrincipal element: "*" or { AWS: [...] } (other kinds kept by name). */
export type PrincipalElement =
  | { readonly kind: 'any' }
  | { readonly kind: 'aws'; readonly values: ValueList }
  | { readonly kind: 'other'; readonly text: string };

/** A condition block: operator -> key -> values. */
export interface ConditionClause {
  readonly operator: string;
  readonly key: string;
  readonly values: ValueList;
}

/** One statement, with its 1-based position for traces ("statement 2 (Sid DenyPut)"). */
export interface PolicyStatement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: 'Allow' | 'Deny';
  readonly principal: PrincipalElement | undefined;
  readonly notPrincipal: PrincipalElement | undefined;
  readonly action: ValueList | undefined;
  readonly notAction: ValueList | undefined;
  readonly resource: ValueList | undefined;
  readonly notResource: ValueList | undefined;
  readonly conditions: readonly ConditionClause[];
  /** What the evaluator could not read in this statement. */
  readonly problems: readonly string[];
}

/** A parsed policy document. */
export interface PolicyDocument {
  readonly statements: readonly PolicyStatement[];
  /** Problems of the document as a whole (no Statement, not an object). */
  readonly problems: readonly string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function valueList(v: unknown, field: string, problems: string[]): ValueList | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  problems.push(`${field} is neither a string nor a list of strings`);
  return [];
}

function principalElement(v: unknown, field: string, problems: string[]): PrincipalElement | undefined {
  if (v === undefined) return undefined;
  if (v === '*') return { kind: 'any' };
  if (isRecord(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === 'AWS') {
      const values = valueList(v['AWS'], `${field}.AWS`, problems) ?? [];
      return values.includes('*') ? { kind: 'any' } : { kind: 'aws', values };
    }
    return { kind: 'other', text: keys.join(', ') };
  }
  problems.push(`${field} is neither "*" nor an object such as { AWS: [...] }`);
  return { kind: 'other', text: String(v) };
}

function conditions(v: unknown, problems: string[]): ConditionClause[] {
  if (v === undefined) return [];
  if (!isRecord(v)) {
    problems.push('Condition is not an object');
    return [];
  }
  const out: ConditionClause[] = [];
  for (const [operator, block] of Object.entries(v)) {
    if (!isRecord(block)) {
      problems.push(`Condition.${operator} is not an object`);
      continue;
    }
    for (const [key, values] of Object.entries(block)) {
      out.push({ operator, key, values: valueList(values, `Condition.${operator}.${key}`, problems) ?? [] });
    }
  }
  return out;
}

function statement(raw: unknown, index: number): PolicyStatement {
  const problems: string[] = [];
  const s = isRecord(raw) ? raw : {};
  if (!isRecord(raw)) problems.push('the statement is not an object');
  const effect = s['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') problems.push(`Effect is ${JSON.stringify(effect)}, not "Allow" or "Deny"`);
  if (s['Action'] === undefined && s['NotAction'] === undefined) problems.push('the statement has neither Action nor NotAction');
  return {
    index,
    sid: typeof s['Sid'] === 'string' ? s['Sid'] : undefined,
    effect: effect === 'Allow' ? 'Allow' : 'Deny',
    principal: principalElement(s['Principal'], 'Principal', problems),
    notPrincipal: principalElement(s['NotPrincipal'], 'NotPrincipal', problems),
    action: valueList(s['Action'], 'Action', problems),
    notAction: valueList(s['NotAction'], 'NotAction', problems),
    resource: valueList(s['Resource'], 'Resource', problems),
    notResource: valueList(s['NotResource'], 'NotResource', problems),
    conditions: conditions(s['Condition'], problems),
    problems,
  };
}

/** Parse a policy document as written in the topology (any JSON value). */
export function parsePolicy(raw: unknown): PolicyDocument {
  if (!isRecord(raw)) return { statements: [], problems: ['the policy is not an object'] };
  const st = raw['Statement'];
  if (st === undefined) return { statements: [], problems: ['the policy has no Statement'] };
  const list = Array.isArray(st) ? st : [st];
  return { statements: list.map((s, i) => statement(s, i + 1)), problems: [] };
}

/** "statement 2 (Sid DenyPut)" or "statement 1". */
export function describeStatement(s: PolicyStatement): string {
  return s.sid ? `statement ${s.index} (Sid ${s.sid})` : `statement ${s.index}`;
}
