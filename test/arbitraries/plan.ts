// The shape of a generated topology before ids and references are filled in: counts,
// choices and references as small integers that build-raw.ts resolves modulo the list they
// point into. Generating indices instead of ids keeps every reference valid by construction
// and makes shrinking easy: an index shrinks to 0, the first candidate.
import fc from 'fast-check';
import { portArb, protocolArb, type PortsPlan, type ProtocolPlan } from './basics.js';
import { privateLinkPlanArb, type PrivateLinkPlan } from './privatelink-plan.js';
import { onPremisesPlanArb, type OnPremisesPlan } from './build-on-premises.js';

export { portArb, protocolArb, type PortsPlan, type ProtocolPlan } from './basics.js';

/** Where a CIDR in a rule, route or prefix list comes from. */
export type CidrPlan =
  | { readonly kind: 'any' }
  | { readonly kind: 'vpc'; readonly vpc: number }
  | { readonly kind: 'subnet'; readonly subnet: number }
  | { readonly kind: 'host'; readonly host: number }
  /** A /32 of a secondary private address of an instance or interface. */
  | { readonly kind: 'secondary'; readonly address: number }
  | { readonly kind: 'random'; readonly value: number; readonly length: number };


/** A security group rule. */
export interface SgRulePlan {
  readonly protocol: ProtocolPlan;
  readonly ports: PortsPlan;
  readonly peer:
    | { readonly kind: 'cidr'; readonly cidr: CidrPlan }
    | { readonly kind: 'prefixList'; readonly list: number }
    | { readonly kind: 'securityGroup'; readonly group: number };
}

/** A network ACL entry (rule numbers are unique per direction by construction). */
export interface AclRulePlan {
  readonly rule: number;
  readonly action: 'allow' | 'deny';
  readonly protocol: ProtocolPlan;
  readonly ports: PortsPlan;
  readonly cidr: CidrPlan;
}

/**
 * A route: a destination and an index into the VPC's possible targets, or (kind 'peer') the
 * route to a peer VPC's primary block through the peering connection, which random choices
 * would rarely line up.
 */
export interface RoutePlan {
  readonly dest:
    | { readonly kind: 'cidr'; readonly cidr: CidrPlan }
    | { readonly kind: 'prefixList'; readonly list: number }
    | { readonly kind: 'peer'; readonly peering: number };
  readonly target: number;
}

/** A subnet: a /24 at `octet` of the primary (or secondary) block. */
export interface SubnetPlan {
  readonly octet: number;
  readonly secondary: boolean;
  readonly az: number;
  readonly routeTable: number | null;
  readonly networkAcl: number | null;
}

/** An instance. */
export interface InstancePlan {
  readonly subnet: number;
  /** A written private address at this offset in the subnet (4-29), or the loader's choice. */
  readonly privateIp: number | null;
  readonly publicIp: boolean;
  readonly securityGroups: readonly number[] | null;
  /** Source/destination checking (EC2's default true); off, a route target instance forwards. */
  readonly sourceDestCheck: boolean;
  /** How many secondary private addresses (0-2) it holds. */
  readonly secondaryIps: number;
}

/** A secondary network interface of an instance. */
export interface AttachedPlan {
  readonly instance: number;
  /** Index into the subnets of the instance's AZ. */
  readonly subnet: number;
  readonly securityGroups: readonly number[] | null;
  /** Its own source/destination check (EC2 keeps one per interface). */
  readonly sourceDestCheck: boolean;
}

/** One VPC and what it holds. */
export interface VpcPlan {
  /** Second octet of the primary block 10.<octet>.0.0/16 (unique across VPCs). */
  readonly octet: number;
  readonly secondary: boolean;
  readonly igw: boolean;
  readonly subnets: readonly SubnetPlan[];
  readonly routeTables: readonly { readonly main: boolean; readonly routes: readonly RoutePlan[] }[];
  readonly nat: { readonly subnet: number; readonly connectivity: 'public' | 'private'; readonly privateIp: number | null; readonly publicIp: boolean } | null;
  readonly securityGroups: readonly { readonly ingress: readonly SgRulePlan[]; readonly egress: readonly SgRulePlan[] | null }[];
  readonly networkAcls: readonly { readonly ingress: readonly AclRulePlan[]; readonly egress: readonly AclRulePlan[] }[];
  readonly instances: readonly InstancePlan[];
  /** Standalone network interfaces (a Lambda's, an RDS instance's), as instances without a public address. */
  readonly networkInterfaces: readonly InstancePlan[];
  /**
   * Secondary interfaces of instances (a multi-interface appliance): on instance `instance`, in
   * a subnet of its AZ; routes may target them, as they may target standalone interfaces.
   */
  readonly attached: readonly AttachedPlan[];
  /** An S3 gateway endpoint associated with these route tables (indices), or none. */
  readonly s3: readonly number[] | null;
  /** An interface endpoint to an AWS service (KMS or STS) in these subnets, with this SG (or the default one). */
  readonly awsInterface: { readonly service: 'kms' | 'sts'; readonly subnets: readonly number[]; readonly securityGroup: number | null } | null;
  /** enableDnsHostnames (private DNS of interface endpoints needs it). */
  readonly dnsHostnames: boolean;
  /** An Application Load Balancer (and maybe an NLB in front of it, target type alb), or none. */
  readonly alb: AlbPlan | null;
}

/** An Application Load Balancer of a VPC. */
export interface AlbPlan {
  readonly subnets: readonly number[];
  /** Index into the VPC's security groups (none written: the VPC's default group). */
  readonly securityGroup: number;
  readonly internetFacing: boolean;
  readonly listeners: readonly { readonly port: number; readonly protocol: 'http' | 'https'; readonly targetGroup: number }[];
  readonly targetGroups: readonly { readonly targetType: 'instance' | 'ip' | 'lambda'; readonly port: number; readonly targets: readonly number[] }[];
  /** An NLB in the same subnets forwarding TCP on the ALB's first listener port to it. */
  readonly nlbFront: boolean;
}

/** A whole topology. */
export interface TopologyPlan {
  readonly vpcs: readonly VpcPlan[];
  /**
   * Peerings between VPC `a` and VPC `a + 1 + b` (modulo the VPC count, so never a VPC with
   * itself); `routed` adds the route to the peer's primary block to every written table of both sides.
   */
  readonly peerings: readonly { readonly a: number; readonly b: number; readonly active: boolean; readonly routed: boolean }[];
  readonly prefixLists: readonly (readonly CidrPlan[])[];
  readonly hosts: readonly { readonly dns: boolean }[];
  readonly checks: readonly { readonly from: number; readonly to: number; readonly port: number }[];
  /** A PrivateLink service in a VPC of its own, consumed from one of `vpcs`. */
  readonly privateLink: PrivateLinkPlan | null;
  /** An on-premises network behind a VPN (and maybe Direct Connect) to one of `vpcs`. */
  readonly onPremises: OnPremisesPlan | null;
}

/** Which parts of the format a generated topology may use. */
export interface Features {
  /** Custom network ACLs (otherwise every subnet keeps the VPC's default ACL). */
  readonly nacls: boolean;
  /** Written routes (otherwise only the implicit local routes). */
  readonly routes: boolean;
  /** How many VPCs at most. */
  readonly maxVpcs: number;
  /** A PrivateLink endpoint service and an interface endpoint (sometimes). */
  readonly privateLink: boolean;
  /** An on-premises network behind a VPN (sometimes; always with 'always'). */
  readonly onPremises?: boolean | 'always';
}

/** Every feature on. */
export const ALL_FEATURES: Features = { nacls: true, routes: true, maxVpcs: 3, privateLink: true, onPremises: true };


const portsArb: fc.Arbitrary<PortsPlan> = fc.oneof(
  fc.constant(null),
  portArb,
  fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 65535 })).map(([a, b]): readonly [number, number] => (a <= b ? [a, b] : [b, a])),
);

const randomValue = fc.oneof(
  fc.integer({ min: 0x0a000000, max: 0x0a07ffff }), // 10.0.0.0 - 10.7.255.255: the VPCs' space
  fc.integer({ min: 0, max: 0xffffffff }),
);

/** A CIDR source. */
export const cidrArb: fc.Arbitrary<CidrPlan> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'any' as const }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('vpc' as const), vpc: fc.nat(3) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('subnet' as const), subnet: fc.nat(8) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('host' as const), host: fc.nat(2) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('secondary' as const), address: fc.nat(5) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('random' as const), value: randomValue, length: fc.integer({ min: 0, max: 32 }) }), weight: 1 },
);

const randomSgRuleArb: fc.Arbitrary<SgRulePlan> = fc.record({
  protocol: protocolArb,
  ports: portsArb,
  peer: fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('cidr' as const), cidr: cidrArb }), weight: 4 },
    { arbitrary: fc.record({ kind: fc.constant('prefixList' as const), list: fc.nat(4) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('securityGroup' as const), group: fc.nat(5) }), weight: 2 },
  ),
});

/** All traffic from or to anywhere: frequent enough that flows get past security groups. */
const OPEN_RULE: SgRulePlan = { protocol: 'all', ports: null, peer: { kind: 'cidr', cidr: { kind: 'any' } } };

const sgRuleArb: fc.Arbitrary<SgRulePlan> = fc.oneof({ arbitrary: randomSgRuleArb, weight: 3 }, { arbitrary: fc.constant(OPEN_RULE), weight: 1 });

const ruleNumberArb = fc.integer({ min: 1, max: 20 }).map((n) => n * 10);

const aclRuleArb: fc.Arbitrary<AclRulePlan> = fc.oneof(
  { arbitrary: fc.record({ rule: ruleNumberArb, action: fc.constantFrom('allow' as const, 'deny' as const), protocol: protocolArb, ports: portsArb, cidr: cidrArb }), weight: 3 },
  // An entry allowing everything, so that some flows get through custom ACLs both ways.
  { arbitrary: ruleNumberArb.map((rule): AclRulePlan => ({ rule, action: 'allow', protocol: 'all', ports: null, cidr: { kind: 'any' } })), weight: 1 },
);

const aclRulesArb: fc.Arbitrary<AclRulePlan[]> = fc.uniqueArray(aclRuleArb, { maxLength: 4, selector: (r) => r.rule });

const routeArb: fc.Arbitrary<RoutePlan> = fc.record({
  dest: fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('cidr' as const), cidr: cidrArb }), weight: 4 },
    { arbitrary: fc.record({ kind: fc.constant('prefixList' as const), list: fc.nat(4) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('peer' as const), peering: fc.nat(1) }), weight: 2 },
  ),
  target: fc.nat(20),
});

const instanceArb: fc.Arbitrary<InstancePlan> = fc.record({
  subnet: fc.nat(3),
  privateIp: fc.option(fc.integer({ min: 4, max: 29 }), { freq: 2 }),
  publicIp: fc.boolean(),
  securityGroups: fc.option(fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 2 })),
  sourceDestCheck: fc.boolean(),
  secondaryIps: fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.integer({ min: 1, max: 2 }), weight: 1 }),
});

function vpcArb(f: Features): fc.Arbitrary<VpcPlan> {
  return fc.record({
    octet: fc.nat(7),
    secondary: fc.boolean(),
    igw: fc.boolean(),
    subnets: fc.uniqueArray(
      fc.record({
        octet: fc.nat(15),
        secondary: fc.boolean(),
        az: fc.nat(2),
        routeTable: f.routes ? fc.option(fc.nat(3)) : fc.constant(null),
        networkAcl: f.nacls ? fc.option(fc.nat(3), { freq: 2 }) : fc.constant(null),
      }),
      { minLength: 1, maxLength: 3, selector: (s) => `${s.secondary}/${s.octet}` },
    ),
    routeTables: f.routes
      ? fc.array(fc.record({ main: fc.boolean(), routes: fc.array(routeArb, { maxLength: 3 }) }), { minLength: 1, maxLength: 2 })
      : fc.constant([]),
    nat: fc.option(fc.record({
      subnet: fc.nat(3),
      connectivity: fc.constantFrom('public' as const, 'private' as const),
      privateIp: fc.option(fc.integer({ min: 4, max: 29 }), { freq: 2 }),
      publicIp: fc.boolean(),
    })),
    securityGroups: fc.array(
      fc.record({ ingress: fc.array(sgRuleArb, { maxLength: 4 }), egress: fc.option(fc.array(sgRuleArb, { maxLength: 3 }), { freq: 2 }) }),
      { maxLength: 2 },
    ),
    networkAcls: f.nacls ? fc.array(fc.record({ ingress: aclRulesArb, egress: aclRulesArb }), { maxLength: 2 }) : fc.constant([]),
    instances: fc.array(instanceArb, { minLength: 1, maxLength: 3 }),
    networkInterfaces: fc.array(instanceArb.map((i) => ({ ...i, publicIp: false })), { maxLength: 2 }),
    attached: fc.array(fc.record({
      instance: fc.nat(2),
      subnet: fc.nat(2),
      securityGroups: fc.option(fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 2 })),
      // Mostly off: an appliance's interfaces forward only with the check off.
      sourceDestCheck: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
    }), { maxLength: 2 }),
    s3: f.routes ? fc.option(fc.uniqueArray(fc.nat(2), { maxLength: 2 })) : fc.constant(null),
    awsInterface: fc.option(fc.record({
      service: fc.constantFrom('kms' as const, 'sts' as const),
      subnets: fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 3 }),
      securityGroup: fc.option(fc.nat(1), { freq: 3 }),
    }), { freq: 3 }),
    dnsHostnames: fc.boolean(),
    alb: fc.option(albArb, { freq: 3 }),
  });
}

const albArb: fc.Arbitrary<AlbPlan> = fc.record({
  subnets: fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 3 }),
  securityGroup: fc.nat(2),
  internetFacing: fc.boolean(),
  listeners: fc.uniqueArray(
    fc.record({ port: fc.constantFrom(80, 443, 8080), protocol: fc.constantFrom('http' as const, 'https' as const), targetGroup: fc.nat(1) }),
    { minLength: 1, maxLength: 2, selector: (l) => l.port },
  ),
  targetGroups: fc.array(fc.record({
    targetType: fc.oneof({ arbitrary: fc.constant('instance' as const), weight: 4 }, { arbitrary: fc.constantFrom('ip' as const, 'lambda' as const), weight: 1 }),
    port: fc.constantFrom(80, 443, 8080, 8443),
    targets: fc.uniqueArray(fc.nat(2), { maxLength: 3 }),
  }), { minLength: 1, maxLength: 2 }),
  nlbFront: fc.boolean(),
});

/** A topology plan with the given features. */
export function topologyPlanArb(f: Features = ALL_FEATURES): fc.Arbitrary<TopologyPlan> {
  return fc.record({
    vpcs: fc.uniqueArray(vpcArb(f), { minLength: 1, maxLength: f.maxVpcs, selector: (v) => v.octet }),
    peerings: fc.array(fc.record({ a: fc.nat(2), b: fc.nat(1), routed: fc.boolean(), active: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }) }), { maxLength: 2 }),
    prefixLists: fc.array(fc.array(cidrArb, { minLength: 1, maxLength: 3 }), { maxLength: 2 }),
    hosts: fc.array(fc.record({ dns: fc.boolean() }), { maxLength: 2 }),
    checks: fc.array(fc.record({ from: fc.nat(5), to: fc.nat(5), port: portArb }), { maxLength: 2 }),
    privateLink: f.privateLink ? fc.option(privateLinkPlanArb, { freq: 2 }) : fc.constant(null),
    onPremises: f.onPremises === 'always' ? onPremisesPlanArb : f.onPremises ? fc.option(onPremisesPlanArb, { freq: 3 }) : fc.constant(null),
  });
}
