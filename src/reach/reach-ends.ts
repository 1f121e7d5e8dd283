// What the relation is between: instances (their primary interfaces) and internet hosts
// as sources; those plus interface endpoint interfaces and Network Load Balancer nodes as
// destinations. Each end is named by the id `vpcsim trace` takes for it.
import type { Eni } from '../model/resources.js';
import type { Topology } from '../model/topology.js';

/** The kinds of end a pair can start or stop at. */
export const REACH_END_KINDS = ['instance', 'endpointEni', 'loadBalancerNode', 'internetHost'] as const;

/** A kind of end. */
export type ReachEndKind = (typeof REACH_END_KINDS)[number];

/** One source or destination of the relation. */
export interface ReachEnd {
  /** The id `trace --from/--to` takes: an instance, an ENI (`ep/subnet`, `lb/subnet`) or a host. */
  readonly id: string;
  readonly kind: ReachEndKind;
  /** The interface, for every kind but internet hosts. */
  readonly eni: Eni | undefined;
}

/** Sources and destinations of a topology, in a stable order (instances first, by id). */
export interface ReachEnds {
  readonly sources: readonly ReachEnd[];
  readonly destinations: readonly ReachEnd[];
}

/** Every end of a topology. */
export function collectEnds(topology: Topology): ReachEnds {
  const instances: ReachEnd[] = [];
  const others: ReachEnd[] = [];
  for (const eni of topology.enis.values()) {
    switch (eni.owner.kind) {
      case 'instance':
        instances.push({ id: eni.id, kind: 'instance', eni });
        break;
      case 'endpoint':
        if (topology.endpoints.get(eni.owner.id)?.type === 'interface') others.push({ id: eni.id, kind: 'endpointEni', eni });
        break;
      case 'loadBalancer':
        if (topology.loadBalancers.get(eni.owner.id)?.type === 'network') others.push({ id: eni.id, kind: 'loadBalancerNode', eni });
        break;
      case 'natGateway':
        break;
      default: {
        const never: never = eni.owner;
        return never;
      }
    }
  }
  const hosts: ReachEnd[] = [...topology.internetHosts.values()].map((h) => ({ id: h.id, kind: 'internetHost', eni: undefined }));
  return { sources: [...instances, ...hosts], destinations: [...instances, ...others, ...hosts] };
}
