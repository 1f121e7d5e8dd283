// How model objects appear as trace components: an id and a kind.
import type { Eni } from '../../model/resources.js';
import type { Component } from '../trace.js';

/** The component of a network interface, named after what owns it. */
export function eniComponent(eni: Eni): Component {
  switch (eni.owner.kind) {
    case 'instance': return { id: eni.id, kind: 'instance' };
    // A standalone interface (Lambda, RDS, ECS...) is no instance: its hops say what it is.
    case 'networkInterface': return { id: eni.id, kind: 'networkInterface' };
    case 'natGateway': return { id: eni.owner.id, kind: 'natGateway' };
    case 'endpoint': return { id: eni.id, kind: 'endpointEni' };
    case 'loadBalancer': return { id: eni.id, kind: 'loadBalancerNode' };
    default: {
      const never: never = eni.owner;
      return never;
    }
  }
}
