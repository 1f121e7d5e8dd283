// A PrivateLink service added to a generated topology: a provider VPC of its own with an
// NLB, target groups, target instances and an endpoint service, and an interface endpoint
// in one of the topology's VPCs (the consumer). The provider's addresses are relative to its
// /16 (`prefix`), so the same plan renumbered is the same design elsewhere; provider rules
// name provider-relative blocks, and the rules the NLB applies to consumer clients name
// consumer-side or fixed blocks only, so that renumbering cannot change what they match.
import fc from 'fast-check';
import { portArb, protocolArb, type PortsPlan, type ProtocolPlan } from './basics.js';

/** The provider VPC's /16: the consumer's own block (overlapping), or another one. */
export type ProviderPrefix = { readonly kind: 'consumer' } | { readonly kind: 'other'; readonly a: number; readonly b: number };

/** A rule of a provider security group (targets, NLB egress): provider-side peers. */
export interface ProviderRulePlan {
  readonly protocol: ProtocolPlan;
  readonly ports: PortsPlan;
  readonly peer: 'any' | 'providerCidr' | 'external' | 'nlbSg' | { readonly subnet: number };
}

/** A rule that sees consumer-side addresses (NLB inbound for PrivateLink, endpoint SG). */
export interface ConsumerRulePlan {
  readonly protocol: ProtocolPlan;
  readonly ports: PortsPlan;
  readonly peer: 'any' | 'consumerCidr' | 'external';
}

/** The whole service and its endpoint. */
export interface PrivateLinkPlan {
  readonly consumer: number;
  readonly prefix: ProviderPrefix;
  /** Provider subnets, one per AZ. */
  readonly subnets: readonly { readonly octet: number; readonly az: number }[];
  readonly nlb: {
    readonly subnets: readonly number[];
    readonly crossZone: boolean;
    readonly securityGroup: null | { readonly ingress: readonly ConsumerRulePlan[]; readonly egress: readonly ProviderRulePlan[] | null };
    readonly enforceOnPrivateLink: boolean;
    readonly listeners: readonly { readonly port: number; readonly protocol: 'tcp' | 'udp' | 'tcp_udp'; readonly targetGroup: number }[];
  };
  readonly targetGroups: readonly {
    readonly protocol: 'tcp' | 'udp';
    readonly port: number;
    readonly targetType: 'instance' | 'ip';
    readonly targets: readonly { readonly instance: number; readonly healthy: boolean; readonly port: number | null }[];
  }[];
  readonly instances: readonly { readonly subnet: number; readonly securityGroup: number | null }[];
  readonly targetSgs: readonly { readonly ingress: readonly ProviderRulePlan[] }[];
  readonly service: {
    readonly acceptanceRequired: boolean;
    readonly principals: 'star' | 'account' | 'none';
    readonly privateDns: boolean;
    readonly available: boolean;
  };
  readonly endpoint: {
    readonly subnets: readonly number[];
    readonly securityGroup: null | { readonly ingress: readonly ConsumerRulePlan[] };
    readonly state: null | 'available' | 'pendingAcceptance' | 'rejected';
    readonly dnsHostnames: boolean;
    readonly privateDnsOff: boolean;
  };
}

const portsArb: fc.Arbitrary<PortsPlan> = fc.oneof(fc.constant(null), portArb);

const randomProviderRuleArb: fc.Arbitrary<ProviderRulePlan> = fc.record({
  protocol: protocolArb,
  ports: portsArb,
  peer: fc.oneof(
    fc.constantFrom('any' as const, 'providerCidr' as const, 'external' as const, 'nlbSg' as const),
    fc.record({ subnet: fc.nat(2) }),
  ),
});

const randomConsumerRuleArb: fc.Arbitrary<ConsumerRulePlan> = fc.record({
  protocol: protocolArb,
  ports: portsArb,
  peer: fc.constantFrom('any' as const, 'consumerCidr' as const, 'external' as const),
});

// Rules that let the usual traffic through, often enough that flows reach the targets.
const providerRuleArb = fc.oneof(
  { arbitrary: randomProviderRuleArb, weight: 2 },
  { arbitrary: fc.constantFrom<ProviderRulePlan>({ protocol: 'all', ports: null, peer: 'providerCidr' }, { protocol: 'tcp', ports: null, peer: 'nlbSg' }), weight: 3 },
);
const consumerRuleArb = fc.oneof(
  { arbitrary: randomConsumerRuleArb, weight: 2 },
  { arbitrary: fc.constantFrom<ConsumerRulePlan>({ protocol: 'all', ports: null, peer: 'consumerCidr' }, { protocol: 'tcp', ports: null, peer: 'any' }), weight: 3 },
);

/** A PrivateLink plan. */
export const privateLinkPlanArb: fc.Arbitrary<PrivateLinkPlan> = fc.record({
  consumer: fc.nat(2),
  prefix: fc.oneof(
    fc.constant({ kind: 'consumer' as const }),
    fc.record({ kind: fc.constant('other' as const), a: fc.constantFrom(10, 172, 192), b: fc.constantFrom(8, 16, 99, 168) }),
  ),
  subnets: fc.uniqueArray(fc.record({ octet: fc.nat(15), az: fc.nat(2) }), { minLength: 1, maxLength: 3, selector: (s) => s.az }),
  nlb: fc.record({
    subnets: fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 3 }),
    crossZone: fc.boolean(),
    securityGroup: fc.option(fc.record({
      ingress: fc.array(consumerRuleArb, { minLength: 1, maxLength: 2 }),
      egress: fc.option(fc.array(providerRuleArb, { maxLength: 2 }), { freq: 2 }),
    }), { freq: 2 }),
    enforceOnPrivateLink: fc.boolean(),
    listeners: fc.uniqueArray(
      fc.record({ port: portArb, protocol: fc.oneof({ arbitrary: fc.constant('tcp' as const), weight: 4 }, { arbitrary: fc.constantFrom('udp' as const, 'tcp_udp' as const), weight: 1 }), targetGroup: fc.nat(1) }),
      { minLength: 1, maxLength: 2, selector: (l) => l.port },
    ),
  }),
  targetGroups: fc.array(fc.record({
    protocol: fc.oneof({ arbitrary: fc.constant('tcp' as const), weight: 4 }, { arbitrary: fc.constant('udp' as const), weight: 1 }),
    port: portArb,
    targetType: fc.oneof({ arbitrary: fc.constant('instance' as const), weight: 3 }, { arbitrary: fc.constant('ip' as const), weight: 1 }),
    targets: fc.array(fc.record({ instance: fc.nat(2), healthy: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }), port: fc.option(portArb, { freq: 4 }) }), { maxLength: 3 }),
  }), { minLength: 1, maxLength: 2 }),
  instances: fc.array(fc.record({ subnet: fc.nat(2), securityGroup: fc.option(fc.nat(1), { freq: 6 }) }), { minLength: 1, maxLength: 3 }),
  targetSgs: fc.array(fc.record({ ingress: fc.array(providerRuleArb, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 2 }),
  service: fc.record({
    acceptanceRequired: fc.boolean(),
    principals: fc.oneof({ arbitrary: fc.constantFrom('star' as const, 'account' as const), weight: 8 }, { arbitrary: fc.constant('none' as const), weight: 1 }),
    privateDns: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
    available: fc.oneof({ arbitrary: fc.constant(true), weight: 10 }, { arbitrary: fc.constant(false), weight: 1 }),
  }),
  endpoint: fc.record({
    subnets: fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 3 }),
    securityGroup: fc.option(fc.record({ ingress: fc.array(consumerRuleArb, { minLength: 1, maxLength: 2 }) }), { freq: 6 }),
    state: fc.oneof({ arbitrary: fc.constant('available' as const), weight: 8 }, { arbitrary: fc.constantFrom(null, 'pendingAcceptance' as const, 'rejected' as const), weight: 3 }),
    dnsHostnames: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
    privateDnsOff: fc.oneof({ arbitrary: fc.constant(false), weight: 5 }, { arbitrary: fc.constant(true), weight: 1 }),
  }),
});
