// Path conditions of checks: whether a forward path crosses an id or a kind of component.
// `via` needs every id, `only` needs one of them, `never` needs none of its ids or kinds.
import type { Check } from '../model/check.js';
import { COMPONENT_KINDS, isComponentKind } from '../model/component-kinds.js';
import { didYouMean, quoted } from '../model/suggest.js';
import type { Topology } from '../model/topology.js';
import type { Hop, Trace } from '../engine/trace.js';
import type { CheckError } from './check-errors.js';

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

// Words and resources that name something real but no hop is ever at, so a condition on
// them would pass (`never`) or fail (`via`, `only`) whatever the path: what to write instead.
const NOT_HOP_KINDS: Readonly<Record<string, string>> = {
  subnet: 'a path crosses a subnet at its route table and network ACL: write routeTable or networkAcl',
  eni: 'a hop at an interface has the kind of its owner: write instance, natGateway, endpointEni or loadBalancerNode',
  loadBalancer: 'a path crosses a load balancer at its nodes: write loadBalancerNode, or the load balancer\'s id',
  account: 'accounts are not on a path',
  prefixList: 'a prefix list decides inside a route or a rule: name the route table or the security group',
};

function notAHop(topology: Topology, x: string): string | undefined {
  const r = topology.byId.get(x);
  if (r?.kind === 'subnet') return `"${x}" is a subnet, and no hop is at a subnet: a path crosses it at its route table ${r.routeTable} and network ACL ${r.networkAcl}`;
  if (r?.kind === 'account') return `"${x}" is an account, and no hop is at an account`;
  if (r?.kind === 'prefixList') return `"${x}" is a prefix list, and no hop is at a prefix list: name the route table or the security group that uses it`;
  return undefined;
}

/**
 * Unknown ids in `via`, `only` and `never` (where kinds are allowed too), and ids or kinds no
 * hop is ever at: bad input, at the item itself.
 */
export function checkPathConditionIds(topology: Topology, check: Check): CheckError[] {
  const known = (x: string): boolean => topology.byId.has(x) || topology.enis.has(x);
  const errors: CheckError[] = [];
  const candidates = (withKinds: boolean): string[] => [...topology.byId.keys(), ...(withKinds ? COMPONENT_KINDS : [])];
  for (const [field, list, kinds] of [['via', check.via, false], ['only', check.only, false], ['never', check.never, true]] as const) {
    list.forEach((x, i) => {
      // At the typo itself, so an editor (and a SARIF viewer) points at the word to fix.
      const span = check.itemSpans[field][i] ?? check.span;
      const notHop = notAHop(topology, x);
      if (notHop) {
        errors.push({ code: 'NOT_A_HOP', message: `${field}: ${notHop}`, span });
        return;
      }
      if (known(x) || (kinds && isComponentKind(x))) return;
      const hint = kinds ? NOT_HOP_KINDS[x] : undefined;
      if (hint !== undefined && Object.hasOwn(NOT_HOP_KINDS, x)) {
        errors.push({ code: 'NOT_A_HOP', message: `${field}: no hop is ever of kind ${quoted(x)}; ${hint}`, span });
        return;
      }
      const what = kinds ? 'an id or a component kind' : 'an id';
      errors.push({ code: 'UNKNOWN_CHECK_ID', message: `${field}: ${quoted(x)} is not ${what} in this topology${didYouMean(x, candidates(kinds))}`, span });
    });
  }
  return errors;
}
