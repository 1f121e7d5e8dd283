// Which account and region a resource is created in, from its provider configuration
// (Terraform: a resource's `provider_config_key` names an entry of
// configuration.provider_config; provider aliases select other regions or accounts). The
// region is the provider's constant `region`; the account is the one `allowed_account_ids`
// allows when it allows exactly one, else the account of `assume_role.role_arn` (AWS
// provider docs, "assume_role Configuration Block" and "allowed_account_ids").
import type { PlanContext } from './plan-context.js';
import type { Obj, PlanResource } from './plan-model.js';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

function constant(expressions: Obj, key: string): unknown {
  const e = expressions[key];
  if (Array.isArray(e)) return e.length === 1 ? e[0] : undefined;
  return typeof e === 'object' && e !== null ? (e as Obj)['constant_value'] : undefined;
}

function providerOf(ctx: PlanContext, r: PlanResource): Obj | undefined {
  const key = r.config?.providerConfigKey;
  const providers = ctx.plan.providers;
  if (key !== undefined && providers.has(key)) return providers.get(key);
  // Module-scoped keys (`child1:aws`) name the root provider when the module passes it on.
  const bare = key?.split(':').pop();
  if (bare !== undefined && providers.has(bare)) return providers.get(bare);
  const name = r.type.startsWith('awscc_') ? 'awscc' : 'aws';
  return providers.get(name);
}

/** The provider's region, if written as a constant. */
export function providerRegion(ctx: PlanContext, r: PlanResource): string | undefined {
  const p = providerOf(ctx, r);
  const ex = p?.['expressions'];
  if (typeof ex !== 'object' || ex === null) return undefined;
  const region = constant(ex as Obj, 'region');
  return typeof region === 'string' && REGION.test(region) ? region : undefined;
}

/** The provider's account, if its configuration pins one. */
export function providerAccount(ctx: PlanContext, r: PlanResource): string | undefined {
  const p = providerOf(ctx, r);
  const ex = p?.['expressions'];
  if (typeof ex !== 'object' || ex === null) return undefined;
  const allowed = constant(ex as Obj, 'allowed_account_ids');
  if (Array.isArray(allowed) && allowed.length === 1 && typeof allowed[0] === 'string' && /^\d{12}$/.test(allowed[0])) return allowed[0];
  const role = constant(ex as Obj, 'assume_role');
  const arn = typeof role === 'object' && role !== null ? (role as Obj)['role_arn'] : undefined;
  const roleArn = typeof arn === 'object' && arn !== null ? (arn as Obj)['constant_value'] : arn;
  const m = typeof roleArn === 'string' ? /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(roleArn) : null;
  return m?.[1];
}

/** A region named by a zone (eu-west-1a) or a service name (com.amazonaws.eu-central-1.ssm). */
export function regionFromValues(values: Obj): string | undefined {
  for (const key of ['availability_zone', 'service_name', 'arn']) {
    const v = values[key];
    if (typeof v !== 'string') continue;
    const zone = /^([a-z]{2}(-[a-z]+)+-\d)[a-z]$/.exec(v);
    if (zone) return zone[1];
    const svc = /^com\.amazonaws\.([a-z]{2}(?:-[a-z]+)+-\d)\./.exec(v);
    if (svc) return svc[1];
    const arn = /^arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-[a-z]+)+-\d):/.exec(v);
    if (arn) return arn[1];
  }
  return undefined;
}
