// What the relation is between: instances (their primary interfaces), internet hosts and
// on-premises hosts as sources; those plus the secondary private addresses of instances and interfaces,
// interface endpoint interfaces and Network Load Balancer nodes as destinations. Each end
// is named by the id `vpcsim trace` takes for it (a secondary address by the address: an
// interface receives on it as on its primary one, "Multiple IP addresses", Amazon EC2 guide).
import { formatIp, type Ip } from '../net/ip.js';
import type { Eni } from '../model/resources.js';
import type { Topology } from '../model/topology.js';

/** The kinds of end a pair can start or stop at. */
export const REACH_END_KINDS = ['instance', 'secondaryAddress', 'endpointEni', 'loadBalancerNode', 'internetHost', 'onPremisesHost'] as const;

/** A kind of end. */
export type ReachEndKind = (typeof REACH_END_KINDS)[number];

/** One source or destination of the relation. */
export interface ReachEnd {
  /** The id `trace --from/--to` takes: an instance, an address, an ENI (`ep/subnet`, `lb/subnet`) or a host. */
  readonly id: string;
  readonly kind: ReachEndKind;
  /** The interface, for every kind but internet hosts (for a secondary address, the interface holding it). */
  readonly eni: Eni | undefined;
  /** The address a flow to the end goes to (an internet host's; for an interface its private one). */
  readonly address: Ip;
  /**
   * Whether the end is a member of an instance class (instances; secondary addresses no other
   * interface also holds). Other ends are traced pair by pair.
   */
  readonly inMatrix: boolean;
  /** An on-premises host's network. */
  readonly network?: string;
}

/** Sources and destinations of a topology, in a stable order (instances first, by id). */
export interface ReachEnds {
  readonly sources: readonly ReachEnd[];
  readonly destinations: readonly ReachEnd[];
}

/** Every end of a topology. */
export function collectEnds(topology: Topology): ReachEnds {
  const instances: ReachEnd[] = [];
  const secondaries: ReachEnd[] = [];
  const others: ReachEnd[] = [];
  const holders = addressHolders(topology);
  const seen = new Set<string>();
  for (const eni of topology.enis.values()) {
    switch (eni.owner.kind) {
      case 'instance':
      case 'networkInterface':
        instances.push({ id: eni.id, kind: 'instance', eni, address: eni.privateIp, inMatrix: true });
        for (const ip of eni.secondaryIps) {
          const id = formatIp(ip);
          if (ip.family !== 4 || seen.has(id)) continue;
          seen.add(id);
          // An address two interfaces hold (overlapping VPCs) is one end whose fate depends on
          // the source's VPC: traced pair by pair.
          secondaries.push({ id, kind: 'secondaryAddress', eni, address: ip, inMatrix: holders.get(ip.value)!.length === 1 });
        }
        break;
      case 'endpoint':
        if (topology.endpoints.get(eni.owner.id)?.type === 'interface') others.push({ id: eni.id, kind: 'endpointEni', eni, address: eni.privateIp, inMatrix: false });
        break;
      case 'loadBalancer':
        if (topology.loadBalancers.get(eni.owner.id)?.type !== 'gateway') others.push({ id: eni.id, kind: 'loadBalancerNode', eni, address: eni.privateIp, inMatrix: false });
        break;
      case 'natGateway':
        break;
      default: {
        const never: never = eni.owner;
        return never;
      }
    }
  }
  const hosts: ReachEnd[] = [...topology.internetHosts.values()].map((h) => ({ id: h.id, kind: 'internetHost', eni: undefined, address: h.ip, inMatrix: false }));
  // On-premises hosts reach AWS over VPN and Direct Connect: traced pair by pair, as the
  // class join computes no path through a virtual private gateway.
  const onPremises: ReachEnd[] = [...topology.onPremisesHosts.values()].map((h) => ({ id: h.id, kind: 'onPremisesHost', eni: undefined, address: h.ip, inMatrix: false, network: h.network }));
  return { sources: [...instances, ...hosts, ...onPremises], destinations: [...instances, ...secondaries, ...others, ...hosts, ...onPremises] };
}

/** Private IPv4 address (primary or secondary) -> the interfaces holding it (several only across VPCs). */
export function addressHolders(topology: Topology): Map<bigint, Eni[]> {
  const byIp = new Map<bigint, Eni[]>();
  const add = (value: bigint, e: Eni): void => {
    const list = byIp.get(value);
    if (list) list.push(e);
    else byIp.set(value, [e]);
  };
  for (const e of topology.enis.values()) {
    add(e.privateIp.value, e);
    for (const ip of e.secondaryIps) if (ip.family === 4) add(ip.value, e);
  }
  return byIp;
}

/**
 * Whether a pair is an end and itself: the same id, or an interface and one of its own
 * secondary addresses (the instance answers itself without the network),
 * or another interface holding the same address (overlapping VPCs: its own address).
 */
export function selfPair(source: ReachEnd, destination: ReachEnd): boolean {
  if (source.id === destination.id) return true;
  const e = source.eni;
  if (destination.kind !== 'secondaryAddress' || !e) return false;
  const a = destination.address.value;
  return e === destination.eni || e.privateIp.value === a || e.secondaryIps.some((ip) => ip.family === 4 && ip.value === a);
}
