// A PrivateLink plan -> the provider VPC, its account and the consumer's interface endpoint,
// added to a raw topology. Provider addresses are offsets in the provider's /16, so building
// the same plan with another prefix renumbers the provider and nothing else.
import type { RawSgRule, RawTopology, RawVpc } from '../../src/model/format.js';
import { pick, portsOf as ports, uniq } from './build-raw.js';
import type { ConsumerRulePlan, PrivateLinkPlan, ProviderPrefix, ProviderRulePlan } from './privatelink-plan.js';

/** Ids of what the PrivateLink builder adds. */
export const PL = {
  providerVpc: 'pv',
  nlb: 'pv-nlb',
  nlbSg: 'pv-nlb-sg',
  service: 'pv-svc',
  endpoint: 'vpce-pv',
  endpointSg: 'vpce-pv-sg',
  dnsName: 'svc.example.com',
} as const;

/** A block outside every generated VPC, for rules that should match nothing in the topology. */
const EXTERNAL = '100.127.0.0/16';
const OTHER_PREFIXES = ['10.8', '10.99', '172.16', '172.31', '192.168'];
const CONSUMER_ACCOUNT = '111111111111';

/** The provider's /16 for a plan, given the consumer VPC's primary block. */
export function providerCidr(prefix: ProviderPrefix, consumerCidr: string): string {
  if (prefix.kind === 'consumer') return consumerCidr;
  return `${pick(OTHER_PREFIXES, prefix.a + prefix.b)!}.0.0/16`;
}

/** Add the plan's provider VPC and endpoint to `raw` (the consumer is VPC `plan.consumer`). */
export function addPrivateLink(raw: RawTopology, plan: PrivateLinkPlan): RawTopology {
  const vpcs = { ...(raw.vpcs ?? {}) } as Record<string, RawVpc>;
  const consumerId = pick(Object.keys(vpcs), plan.consumer)!;
  const consumer = vpcs[consumerId]!;
  const consumerCidr = consumer.cidr ?? consumer.cidrs![0]!;
  const base = providerCidr(plan.prefix, consumerCidr).replace(/\.0\.0\/16$/, '');
  const subnetIds = plan.subnets.map((_, j) => `pv-s${j}`);
  // Subnet j sits in the j-th sixteen /24s of the block, so subnets never overlap.
  const octet = (j: number): number => 16 * j + plan.subnets[j]!.octet;
  const subnetCidr = (j: number): string => `${base}.${octet(j)}.0/24`;
  const instanceIds = plan.instances.map((_, j) => `pv-i${j}`);
  const instanceSubnet = (j: number): number => plan.instances[j]!.subnet % plan.subnets.length;
  const instanceIp = (j: number): string => `${base}.${octet(instanceSubnet(j))}.${20 + j}`;
  const targetSgIds = plan.targetSgs.map((_, j) => `pv-sg${j}`);
  const nlbSg = plan.nlb.securityGroup;

  const providerRule = (r: ProviderRulePlan): RawSgRule => {
    const head = { protocol: r.protocol, ...ports(r.protocol, r.ports) };
    if (r.peer === 'nlbSg' && nlbSg) return { ...head, securityGroup: PL.nlbSg };
    if (r.peer === 'any') return { ...head, cidr: '0.0.0.0/0' };
    if (r.peer === 'external') return { ...head, cidr: EXTERNAL };
    if (typeof r.peer === 'object') return { ...head, cidr: subnetCidr(r.peer.subnet % plan.subnets.length) };
    return { ...head, cidr: `${base}.0.0/16` }; // providerCidr, or nlbSg without an NLB group
  };
  const consumerRule = (r: ConsumerRulePlan): RawSgRule => ({
    protocol: r.protocol,
    ...ports(r.protocol, r.ports),
    cidr: r.peer === 'any' ? '0.0.0.0/0' : r.peer === 'external' ? EXTERNAL : consumerCidr,
  });

  const tgIds = plan.targetGroups.map((_, j) => `pv-tg${j}`);
  let provider: RawVpc = {
    ...(plan.service.principals === 'account' ? { account: 'provider' } : {}),
    cidr: providerCidr(plan.prefix, consumerCidr),
    subnets: Object.fromEntries(plan.subnets.map((s, j) => [subnetIds[j]!, { az: `use1-az${s.az + 1}`, cidr: subnetCidr(j) }])),
    ...((targetSgIds.length > 0 || nlbSg)
      ? { securityGroups: {
        ...Object.fromEntries(plan.targetSgs.map((g, j) => [targetSgIds[j]!, { ingress: g.ingress.map(providerRule) }])),
        ...(nlbSg ? { [PL.nlbSg]: { ingress: nlbSg.ingress.map(consumerRule), ...(nlbSg.egress ? { egress: nlbSg.egress.map(providerRule) } : {}) } } : {}),
      } }
      : {}),
    instances: Object.fromEntries(plan.instances.map((inst, j) => {
      const sg = inst.securityGroup === null ? undefined : pick(targetSgIds, inst.securityGroup);
      return [instanceIds[j]!, { subnet: subnetIds[instanceSubnet(j)]!, privateIp: instanceIp(j), ...(sg ? { securityGroups: [sg] } : {}) }];
    })),
    loadBalancers: {
      [PL.nlb]: {
        type: 'network',
        subnets: uniq(plan.nlb.subnets.map((k) => pick(subnetIds, k)!)),
        ...(nlbSg ? { securityGroups: [PL.nlbSg] } : {}),
        ...(plan.nlb.crossZone ? { crossZone: true } : {}),
        ...(nlbSg && !plan.nlb.enforceOnPrivateLink ? { enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: false } : {}),
        listeners: plan.nlb.listeners.map((l) => ({ port: l.port, protocol: l.protocol, targetGroup: pick(tgIds, l.targetGroup)! })),
      },
    },
    targetGroups: Object.fromEntries(plan.targetGroups.map((g, j) => [tgIds[j]!, {
      protocol: g.protocol,
      port: g.port,
      ...(g.targetType === 'ip' ? { targetType: 'ip' as const } : {}),
      // A target (instance or IP, and port) is registered once: AWS ignores a repeat.
      targets: g.targets
        .filter((t, i) => g.targets.findIndex((o) => o.instance % plan.instances.length === t.instance % plan.instances.length && (o.port ?? g.port) === (t.port ?? g.port)) === i)
        .map((t) => {
          const k = t.instance % plan.instances.length;
          return {
            ...(g.targetType === 'ip' ? { ip: instanceIp(k) } : { instance: instanceIds[k]! }),
            ...(t.port !== null ? { port: t.port } : {}),
            ...(t.healthy ? {} : { healthy: false }),
          };
        }),
    }])),
    endpointServices: {
      [PL.service]: {
        loadBalancer: PL.nlb,
        ...(plan.service.acceptanceRequired ? {} : { acceptanceRequired: false }),
        allowedPrincipals: plan.service.principals === 'star' ? ['*'] : plan.service.principals === 'account' ? [`arn:aws:iam::${CONSUMER_ACCOUNT}:root`] : [],
        ...(plan.service.privateDns ? { privateDnsName: PL.dnsName } : {}),
        ...(plan.service.available ? {} : { state: 'pending' }),
      },
    },
  };

  // The consumer side: one subnet per AZ from the consumer VPC's subnets.
  const consumerSubnets = Object.entries(consumer.subnets ?? {});
  const chosen: string[] = [];
  const zones = new Set<string>();
  // Only zones the NLB is in: AWS refuses an endpoint subnet elsewhere (ENDPOINT_AZ_NOT_SERVED).
  const nlbSubnets = (provider.loadBalancers?.[PL.nlb]?.subnets ?? []) as readonly string[];
  const served = new Set(nlbSubnets.map((id) => provider.subnets?.[id]?.az));
  for (const k of plan.endpoint.subnets) {
    const [id, s] = pick(consumerSubnets, k)!;
    if (zones.has(s.az) || chosen.includes(id) || !served.has(s.az)) continue;
    zones.add(s.az);
    chosen.push(id);
  }
  // No planned subnet in a served zone: the first consumer subnet in one, else the NLB
  // also gets a node in the first planned subnet's zone (a provider subnet there, or none).
  if (chosen.length === 0) {
    const inServed = consumerSubnets.find(([, s]) => served.has(s.az));
    if (inServed) chosen.push(inServed[0]);
  }
  if (chosen.length === 0) {
    const [id, s] = pick(consumerSubnets, plan.endpoint.subnets[0] ?? 0)!;
    const lb = provider.loadBalancers![PL.nlb]!;
    const existing = Object.entries(provider.subnets ?? {}).find(([, ps]) => ps.az === s.az)?.[0];
    const extra = existing ?? 'pv-sz';
    provider = {
      ...provider,
      subnets: { ...provider.subnets, ...(existing ? {} : { [extra]: { az: s.az, cidr: `${base}.200.0/24` } }) },
      loadBalancers: { [PL.nlb]: { ...lb, subnets: [...(lb.subnets ?? []), extra] } },
    };
    chosen.push(id);
  }
  const epSg = plan.endpoint.securityGroup;
  vpcs[consumerId] = {
    ...consumer,
    ...(plan.service.principals === 'account' ? { account: 'consumer' } : {}),
    ...(plan.endpoint.dnsHostnames ? { enableDnsHostnames: true } : {}),
    ...(epSg ? { securityGroups: { ...(consumer.securityGroups ?? {}), [PL.endpointSg]: { ingress: epSg.ingress.map(consumerRule) } } } : {}),
    endpoints: {
      ...(consumer.endpoints ?? {}),
      [PL.endpoint]: {
        type: 'interface',
        service: PL.service,
        subnets: chosen,
        ...(epSg ? { securityGroups: [PL.endpointSg] } : {}),
        ...(plan.endpoint.privateDnsOff ? { privateDns: false } : {}),
        ...(plan.endpoint.state !== null ? { state: plan.endpoint.state } : {}),
      },
    },
  };
  vpcs[PL.providerVpc] = provider;
  return {
    ...raw,
    ...(plan.service.principals === 'account' ? { accounts: { consumer: CONSUMER_ACCOUNT, provider: '222222222222' } } : {}),
    vpcs,
  };
}
