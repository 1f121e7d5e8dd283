// Path conditions of checks: whether a forward path crosses an id or a kind of component.
// `via` needs every id, `only` needs one of them, `never` needs none of its ids or kinds.
import type { Check } from '../model/check.js';
import { didYouMean, quoted } from '../model/suggest.js';
import type { Topology } from '../model/topology.js';
import type { ComponentKind, Hop, Trace } from '../engine/trace.js';
import type { CheckError } from './check-errors.js';

/** Every component kind a hop can have, so `never: [natGateway]` can be checked for typos. */
export const COMPONENT_KINDS: readonly ComponentKind[] = [
  'dns', 'instance', 'natGateway', 'endpointEni', 'loadBalancerNode', 'eni', 'subnet', 'networkAcl',
  'securityGroup', 'routeTable', 'internetGateway', 'egressOnlyInternetGateway', 'peeringConnection', 'endpoint', 'endpointService',
  'loadBalancer', 'targetGroup', 'awsService', 'internet', 'internetHost',
];

/**
 * Whether a hop is at the component `id`. The network interfaces of an endpoint or a load
 * balancer have ids `<id>/<subnet>`, so naming the endpoint or load balancer matches them.
 */
export function hopIsAt(hop: Hop, id: string): boolean {
  return hop.component.id === id || hop.component.id.startsWith(`${id}/`);
}

/** The first forward hop at one of the ids or of one of the kinds, if any. */
export function firstHopAt(trace: Trace, idsOrKinds: readonly string[]): Hop | undefined {
  return trace.hops.find((h) => idsOrKinds.some((x) => hopIsAt(h, x) || h.component.kind === x));
}

/** The ids of `via` the forward path does not cross. */
export function viaMissing(trace: Trace, via: readonly string[]): string[] {
  return via.filter((id) => !trace.hops.some((h) => hopIsAt(h, id)));
}

/** Whether the forward path crosses at least one of the ids. */
export function crossesAny(trace: Trace, ids: readonly string[]): boolean {
  return trace.hops.some((h) => ids.some((id) => hopIsAt(h, id)));
}

/** The forward path as component ids, without repeating a component twice in a row. */
export function pathIds(trace: Trace): string[] {
  const out: string[] = [];
  for (const h of trace.hops) if (out[out.length - 1] !== h.component.id) out.push(h.component.id);
  return out;
}

/** Unknown ids in `via`, `only` and `never` (where kinds are allowed too): bad input. */
export function checkPathConditionIds(topology: Topology, check: Check): CheckError[] {
  const known = (x: string): boolean => topology.byId.has(x) || topology.enis.has(x);
  const errors: CheckError[] = [];
  const candidates = (withKinds: boolean): string[] => [...topology.byId.keys(), ...(withKinds ? COMPONENT_KINDS : [])];
  for (const [field, list, kinds] of [['via', check.via, false], ['only', check.only, false], ['never', check.never, true]] as const) {
    list.forEach((x, i) => {
      if (known(x) || (kinds && (COMPONENT_KINDS as readonly string[]).includes(x))) return;
      const what = kinds ? 'an id or a component kind' : 'an id';
      // At the typo itself, so an editor (and a SARIF viewer) points at the word to fix.
      const span = check.itemSpans[field][i] ?? check.span;
      errors.push({ code: 'UNKNOWN_CHECK_ID', message: `${field}: ${quoted(x)} is not ${what} in this topology${didYouMean(x, candidates(kinds))}`, span });
    });
  }
  return errors;
}
