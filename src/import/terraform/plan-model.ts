// The plan as read: one record per resource instance (managed resources from
// planned_values or a state's values, data sources from prior_state too), with what is
// known only after apply (after_unknown), its configuration block (expressions and
// references), and where its object sits in the plan JSON. Nothing here is format v1 yet.

/** A JSON object of the plan. */
export type Obj = Readonly<Record<string, unknown>>;

/** Where a record sits in the plan: JSON path, line and column of its object. */
export interface PlanLoc {
  readonly path: string;
  readonly line: number;
  readonly col: number;
}

/** A resource's block in `configuration` (per module, not per instance). */
export interface ConfigResource {
  readonly address: string;
  readonly expressions: Obj;
  readonly providerConfigKey: string | undefined;
  readonly counted: boolean;
}

/** A module of `configuration`: its resources, calls and outputs (keyed by config path). */
export interface ConfigModule {
  /** `module.a.module.b` (no instance keys); '' for the root module. */
  readonly path: string;
  readonly resources: ReadonlyMap<string, ConfigResource>;
  readonly calls: ReadonlyMap<string, { readonly expressions: Obj; readonly repeated: boolean }>;
  readonly outputs: ReadonlyMap<string, Obj>;
}

/** One resource instance of the plan. */
export interface PlanResource {
  /** The address exactly as Terraform prints it: `module.vpc.aws_subnet.private[0]`. */
  readonly address: string;
  /** The module instance it is in: `module.vpcs["a"]`, '' for the root. */
  readonly module: string;
  /** The module's configuration path: `module.vpcs`. */
  readonly configModule: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** count index or for_each key. */
  readonly index: number | string | undefined;
  readonly providerName: string;
  readonly values: Obj;
  /** after_unknown of its change (true, or a nested shape of booleans). */
  readonly unknown: Obj;
  readonly config: ConfigResource | undefined;
  readonly loc: PlanLoc;
  /** The Name tag, if known. */
  readonly nameTag: string | undefined;
}

/** The whole plan, indexed. */
export interface Plan {
  readonly file: string;
  readonly kind: 'plan' | 'state';
  readonly formatVersion: string;
  readonly resources: readonly PlanResource[];
  readonly byAddress: ReadonlyMap<string, PlanResource>;
  readonly modules: ReadonlyMap<string, ConfigModule>;
  /** provider_config key -> its expressions (region, assume_role, allowed_account_ids...). */
  readonly providers: ReadonlyMap<string, Obj>;
  /** Addresses of resources a change deletes and does not re-create (not in the design). */
  readonly deleted: ReadonlySet<string>;
}

/** Whether attribute `key` of a resource is known only after apply. */
export function isUnknown(r: PlanResource, key: string): boolean {
  return r.unknown[key] === true;
}

/** A string attribute known at plan time ('' counts as unset, as the provider prints it). */
export function knownString(r: PlanResource, key: string): string | undefined {
  const v = r.values[key];
  return typeof v === 'string' && v !== '' && !isUnknown(r, key) ? v : undefined;
}

/** A boolean attribute known at plan time. */
export function knownBool(r: PlanResource, key: string): boolean | undefined {
  const v = r.values[key];
  return typeof v === 'boolean' ? v : undefined;
}

/** A number attribute known at plan time (numeric strings too: some providers print them). */
export function knownNumber(r: PlanResource, key: string): number | undefined {
  const v = r.values[key];
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
}

/** The strings of a list attribute known at plan time. */
export function knownStrings(r: PlanResource, key: string): string[] {
  const v = r.values[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}

/** The objects of a nested-block attribute (ingress, route...). */
export function blocks(r: PlanResource, key: string): Obj[] {
  const v = r.values[key];
  return Array.isArray(v) ? v.filter((x): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x)) : [];
}
