// Where each value of the imported topology came from in the plan: JSON pointers into
// the written YAML -> line:col of the plan resource object that produced them, so that
// errors and traces on a plan cite the plan (plan.json:41:7), not the YAML vpcsim wrote.
import { Noted, type OutTopology } from '../aws/output-model.js';
import { pointer } from '../../model/source-map.js';
import type { PlanLoc } from './plan-model.js';

/** Pointer -> plan location, for every value that has one. */
export type PlanLocations = ReadonlyMap<string, PlanLoc>;

/** Walk the output as the YAML writer writes it, recording each located value's pointer. */
export function collectLocations(out: OutTopology, locs: WeakMap<object, PlanLoc>, byPointer: ReadonlyMap<string, PlanLoc>): PlanLocations {
  const table = new Map<string, PlanLoc>(byPointer);
  const walk = (value: unknown, ptr: string): void => {
    if (typeof value !== 'object' || value === null) return;
    const loc = locs.get(value);
    if (loc) table.set(ptr, loc);
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item instanceof Noted ? item.value : item, `${ptr}/${i}`));
      return;
    }
    for (const [k, v] of Object.entries(value)) walk(v, `${ptr}${pointer(k)}`);
  };
  for (const [id, vpc] of out.vpcs) {
    const base = pointer('vpcs', id);
    walk(vpc.fields, base);
    const sections = {
      subnets: vpc.subnets, routeTables: vpc.routeTables, natGateways: vpc.natGateways, securityGroups: vpc.securityGroups,
      networkAcls: vpc.networkAcls, instances: vpc.instances, loadBalancers: vpc.loadBalancers, targetGroups: vpc.targetGroups,
      endpointServices: vpc.endpointServices, endpoints: vpc.endpoints,
    };
    for (const [name, map] of Object.entries(sections)) {
      for (const [rid, e] of map as ReadonlyMap<string, { value: unknown }>) walk(e.value, `${base}${pointer(name, rid)}`);
    }
  }
  for (const [id, e] of out.peeringConnections) walk(e.value, pointer('peeringConnections', id));
  for (const [id, e] of out.prefixLists) walk(e.value, pointer('prefixLists', id));
  for (const [id, e] of out.unmodelled) walk(e.value, pointer('unmodelled', id));
  return table;
}

/** The plan location of a pointer: its own, else its nearest located ancestor's. */
export function locationAt(table: PlanLocations, ptr: string): PlanLoc | undefined {
  for (let p = ptr; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const loc = table.get(p);
    if (loc) return loc;
    if (p === '') return undefined;
  }
}
