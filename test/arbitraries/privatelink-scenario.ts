// PrivateLink scenarios: a generated topology that always has the PrivateLink service, and
// flows from the consumer VPC's instances to the endpoint (by id, by ENI, by the service's
// private DNS name) on a listener's port or another. The plan is kept next to the built
// topology so that a property can build the same design with the provider renumbered.
import fc from 'fast-check';
import type { FlowQuery } from '../../src/engine/query.js';
import type { RawTopology } from '../../src/model/format.js';
import { buildRaw, pick } from './build-raw.js';
import { addPrivateLink, PL } from './build-privatelink.js';
import { portArb } from './basics.js';
import { ALL_FEATURES, topologyPlanArb, type TopologyPlan } from './plan.js';
import { privateLinkPlanArb, type PrivateLinkPlan, type ProviderPrefix } from './privatelink-plan.js';

/** A consumer flow, as indices. */
export interface ConsumerFlowPlan {
  readonly from: number;
  readonly to: 'endpoint' | 'eni' | 'dns';
  readonly eni: number;
  readonly port: { readonly listener: number } | { readonly other: number };
  readonly protocol: 'tcp' | 'udp';
}

const consumerFlowArb: fc.Arbitrary<ConsumerFlowPlan> = fc.record({
  from: fc.nat(5),
  to: fc.constantFrom('endpoint' as const, 'eni' as const, 'dns' as const),
  eni: fc.nat(2),
  port: fc.oneof({ arbitrary: fc.record({ listener: fc.nat(1) }), weight: 4 }, { arbitrary: fc.record({ other: portArb }), weight: 1 }),
  protocol: fc.oneof({ arbitrary: fc.constant('tcp' as const), weight: 5 }, { arbitrary: fc.constant('udp' as const), weight: 1 }),
});

/** A built PrivateLink scenario and the plan it came from. */
export interface PrivateLinkScenario {
  readonly base: TopologyPlan;
  readonly privateLink: PrivateLinkPlan;
  readonly consumerFlows: readonly ConsumerFlowPlan[];
  readonly topology: RawTopology;
  readonly flows: readonly FlowQuery[];
}

/** The topology of a scenario's plans, with the provider's /16 chosen by `prefix`. */
export function buildPrivateLink(base: TopologyPlan, pl: PrivateLinkPlan, prefix: ProviderPrefix = pl.prefix): RawTopology {
  return addPrivateLink(buildRaw(base), { ...pl, prefix });
}

/** The consumer flows over a built topology. */
export function consumerFlows(raw: RawTopology, pl: PrivateLinkPlan, plans: readonly ConsumerFlowPlan[]): FlowQuery[] {
  const consumerId = Object.keys(raw.vpcs!).filter((v) => v !== PL.providerVpc)[pl.consumer % (Object.keys(raw.vpcs!).length - 1)]!;
  const consumer = raw.vpcs![consumerId]!;
  const instances = Object.keys(consumer.instances ?? {});
  const ep = consumer.endpoints![PL.endpoint]!;
  const listeners = raw.vpcs![PL.providerVpc]!.loadBalancers![PL.nlb]!.listeners ?? [];
  return plans.map((f) => ({
    from: pick(instances, f.from)!,
    to: f.to === 'endpoint' ? PL.endpoint : f.to === 'eni' ? `${PL.endpoint}/${pick(ep.subnets ?? [], f.eni)!}` : PL.dnsName,
    protocol: f.protocol,
    port: 'listener' in f.port ? pick(listeners, f.port.listener)!.port : f.port.other,
  }));
}

/** Topologies with a PrivateLink service and consumer flows to it. */
export const privateLinkScenarioArb: fc.Arbitrary<PrivateLinkScenario> = fc
  .record({
    // Default ACLs in the consumer VPC: ACLs have their own properties, and here they would stop most flows.
    base: topologyPlanArb({ ...ALL_FEATURES, nacls: false, maxVpcs: 2, privateLink: false }),
    privateLink: privateLinkPlanArb,
    consumerFlows: fc.array(consumerFlowArb, { minLength: 1, maxLength: 4 }),
  })
  .map(({ base, privateLink, consumerFlows: plans }) => {
    const topology = buildPrivateLink(base, privateLink);
    return { base, privateLink, consumerFlows: plans, topology, flows: consumerFlows(topology, privateLink, plans) };
  });
