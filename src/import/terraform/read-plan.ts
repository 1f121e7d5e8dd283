// `terraform show -json` output -> the indexed Plan: every resource instance of
// planned_values (a plan) or values (a state), data sources from prior_state, each with
// its after_unknown from resource_changes and its block of `configuration`. Shape errors
// name the JSON path and line:col; the reader never guesses a missing value.
import type { ConfigModule, ConfigResource, Obj, Plan, PlanLoc, PlanResource } from './plan-model.js';
import type { PlanErrorCode, PlanProblem } from './plan-problems.js';
import type { PlanText } from './read-plan-file.js';

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `module.a["x"].module.b[0]` -> `module.a.module.b`. */
export function configPathOf(moduleAddress: string): string {
  return moduleAddress.replace(/\[(?:"(?:[^"\\]|\\.)*"|\d+)\]/g, '');
}

function nameTagOf(values: Obj): string | undefined {
  for (const key of ['tags', 'tags_all']) {
    const tags = values[key];
    if (isObj(tags) && typeof tags['Name'] === 'string' && tags['Name'].trim() !== '') return tags['Name'].trim();
  }
  return undefined;
}

class PlanReader {
  readonly errors: PlanProblem<PlanErrorCode>[] = [];
  constructor(readonly text: PlanText) {}

  loc(o: object, path: string): PlanLoc {
    const at = this.text.lineOf(this.text.offsets.get(o) ?? 0);
    return { path, line: at.line, col: at.col };
  }

  wrong(o: object, path: string, message: string): undefined {
    this.errors.push({ code: 'WRONG_SHAPE', resource: '', ...this.loc(o, path), message });
    return undefined;
  }

  list(parent: Obj, key: string, path: string): Obj[] {
    const v = parent[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return this.wrong(parent, `${path}.${key}`, `"${key}" should be an array`) ?? [];
    return v.filter((x, i) => isObj(x) || this.wrong(parent, `${path}.${key}[${i}]`, `"${key}" items should be objects`));
  }
}

function readConfig(r: PlanReader, config: unknown, modules: Map<string, ConfigModule>, providers: Map<string, Obj>): void {
  if (!isObj(config)) return;
  const pc = config['provider_config'];
  if (isObj(pc)) for (const [k, v] of Object.entries(pc)) if (isObj(v)) providers.set(k, v);
  const walk = (m: unknown, path: string, jsonPath: string): void => {
    if (!isObj(m)) return;
    const resources = new Map<string, ConfigResource>();
    for (const [i, res] of r.list(m, 'resources', jsonPath).entries()) {
      const address = res['address'];
      if (typeof address !== 'string') {
        r.wrong(res, `${jsonPath}.resources[${i}].address`, 'a configuration resource has no "address"');
        continue;
      }
      resources.set(address, {
        address,
        expressions: isObj(res['expressions']) ? res['expressions'] : {},
        providerConfigKey: typeof res['provider_config_key'] === 'string' ? res['provider_config_key'] : undefined,
        counted: res['count_expression'] !== undefined || res['for_each_expression'] !== undefined,
      });
    }
    const calls = new Map<string, { expressions: Obj; repeated: boolean }>();
    const mc = m['module_calls'];
    if (isObj(mc)) {
      for (const [name, call] of Object.entries(mc)) {
        if (!isObj(call)) continue;
        calls.set(name, {
          expressions: isObj(call['expressions']) ? call['expressions'] : {},
          repeated: call['count_expression'] !== undefined || call['for_each_expression'] !== undefined,
        });
        walk(call['module'], `${path === '' ? '' : `${path}.`}module.${name}`, `${jsonPath}.module_calls.${name}.module`);
      }
    }
    const outputs = new Map<string, Obj>();
    const outs = m['outputs'];
    if (isObj(outs)) for (const [name, o] of Object.entries(outs)) if (isObj(o) && isObj(o['expression'])) outputs.set(name, o['expression']);
    modules.set(path, { path, resources, calls, outputs });
  };
  walk(config['root_module'], '', '$.configuration.root_module');
}

function changesOf(r: PlanReader, json: Obj): { unknown: Map<string, Obj>; deleted: Set<string> } {
  const unknown = new Map<string, Obj>();
  const deleted = new Set<string>();
  for (const [i, rc] of r.list(json, 'resource_changes', '$').entries()) {
    const address = rc['address'];
    const change = rc['change'];
    if (typeof address !== 'string' || !isObj(change)) {
      r.wrong(rc, `$.resource_changes[${i}]`, 'a resource change needs "address" and "change"');
      continue;
    }
    if (isObj(change['after_unknown'])) unknown.set(address, change['after_unknown']);
    const actions = change['actions'];
    if (Array.isArray(actions) && actions.length === 1 && actions[0] === 'delete') deleted.add(address);
  }
  return { unknown, deleted };
}

/** Read the plan; `file` is the name locations print. */
export function readPlan(file: string, text: PlanText): { plan: Plan | undefined; errors: PlanProblem<PlanErrorCode>[] } {
  const r = new PlanReader(text);
  const json = text.json;
  const modules = new Map<string, ConfigModule>();
  const providers = new Map<string, Obj>();
  readConfig(r, json['configuration'], modules, providers);
  const { unknown, deleted } = changesOf(r, json);
  const resources: PlanResource[] = [];
  const byAddress = new Map<string, PlanResource>();

  const walk = (m: unknown, moduleAddress: string, jsonPath: string, dataOnly: boolean): void => {
    if (!isObj(m)) return;
    for (const [i, res] of r.list(m, 'resources', jsonPath).entries()) {
      const path = `${jsonPath}.resources[${i}]`;
      const { address, type, name, mode } = res;
      if (typeof address !== 'string' || typeof type !== 'string' || typeof name !== 'string') {
        r.wrong(res, path, 'a resource needs "address", "type" and "name" (strings)');
        continue;
      }
      const isData = mode === 'data';
      if ((dataOnly && !isData) || byAddress.has(address)) continue;
      const values = isObj(res['values']) ? res['values'] : {};
      const index = typeof res['index'] === 'number' || typeof res['index'] === 'string' ? res['index'] : undefined;
      const configModule = configPathOf(moduleAddress);
      const configAddress = `${isData ? 'data.' : ''}${type}.${name}`;
      const rec: PlanResource = {
        address, module: moduleAddress, configModule, mode: isData ? 'data' : 'managed', type, name, index,
        providerName: typeof res['provider_name'] === 'string' ? res['provider_name'] : '',
        values, unknown: unknown.get(address) ?? {},
        config: modules.get(configModule)?.resources.get(configAddress),
        loc: r.loc(res, path),
        nameTag: nameTagOf(values),
      };
      resources.push(rec);
      byAddress.set(address, rec);
    }
    for (const [i, child] of r.list(m, 'child_modules', jsonPath).entries()) {
      const address = child['address'];
      if (typeof address !== 'string') {
        r.wrong(child, `${jsonPath}.child_modules[${i}]`, 'a child module has no "address"');
        continue;
      }
      walk(child, address, `${jsonPath}.child_modules[${i}]`, dataOnly);
    }
  };
  const top = text.kind === 'plan' ? json['planned_values'] : json['values'];
  const topPath = text.kind === 'plan' ? '$.planned_values' : '$.values';
  if (top !== undefined && !isObj(top)) r.wrong(json, topPath, `"${topPath.slice(2)}" should be an object`);
  if (isObj(top)) walk(top['root_module'], '', `${topPath}.root_module`, false);
  const prior = json['prior_state'];
  if (isObj(prior) && isObj(prior['values'])) walk(prior['values']['root_module'], '', '$.prior_state.values.root_module', true);
  if (r.errors.length > 0) return { plan: undefined, errors: r.errors };
  const formatVersion = String(json['format_version']);
  return { plan: { file, kind: text.kind, formatVersion, resources, byAddress, modules, providers, deleted }, errors: [] };
}
