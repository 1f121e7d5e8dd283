// Flows over a generated topology: from an instance, an internet host, an on-premises host or "the internet",
// to an instance (by id, private IP or public IP), an internet host, S3, an address on the
// internet, an address in a subnet with nothing on it, or a PrivateLink endpoint (by id, ENI
// or the service's private DNS name). Like topologies, a flow is a plan
// of indices resolved against the raw topology, so it shrinks independently of it.
import fc from 'fast-check';
import type { FlowQuery } from '../../src/engine/query.js';
import type { RawTopology } from '../../src/model/format.js';
import { pick } from './build-raw.js';
import { portArb } from './plan.js';

/** Where a flow starts and where it goes, as indices. */
export interface FlowPlan {
  readonly from: { readonly kind: 'instance' | 'host' | 'internet' | 'onPremises'; readonly index: number };
  readonly to: {
    readonly kind: 'instance' | 'publicIp' | 'host' | 's3' | 'internetAddress' | 'subnetAddress' | 'endpoint' | 'endpointEni' | 'serviceName' | 'onPremises';
    readonly index: number;
  };
  readonly protocol: 'tcp' | 'udp' | 'icmp';
  readonly port: number;
}

/** A flow plan; most flows start at an instance. */
export const flowPlanArb: fc.Arbitrary<FlowPlan> = fc.record({
  from: fc.record({
    kind: fc.oneof({ arbitrary: fc.constant('instance' as const), weight: 5 }, { arbitrary: fc.constantFrom('host' as const, 'internet' as const, 'onPremises' as const), weight: 1 }),
    index: fc.nat(11),
  }),
  to: fc.record({
    kind: fc.oneof(
      { arbitrary: fc.constant('instance' as const), weight: 5 },
      { arbitrary: fc.constantFrom('publicIp' as const, 'host' as const, 's3' as const, 'internetAddress' as const, 'subnetAddress' as const), weight: 3 },
      { arbitrary: fc.constantFrom('endpoint' as const, 'endpointEni' as const, 'serviceName' as const), weight: 3 },
      { arbitrary: fc.constant('onPremises' as const), weight: 1 },
    ),
    index: fc.nat(11),
  }),
  protocol: fc.oneof({ arbitrary: fc.constant('tcp' as const), weight: 4 }, { arbitrary: fc.constantFrom('udp' as const, 'icmp' as const), weight: 1 }),
  port: portArb,
});

/** What a flow can name in a raw topology. */
export interface FlowTargets {
  readonly instances: readonly string[];
  readonly publicIps: readonly string[];
  readonly hosts: readonly string[];
  readonly subnetCidrs: readonly string[];
  /** Interface endpoints, their ENIs (`<endpoint>/<subnet>`), and endpoint services' private DNS names. */
  readonly endpoints: readonly string[];
  readonly endpointEnis: readonly string[];
  readonly serviceNames: readonly string[];
  /** On-premises hosts. */
  readonly onPremises: readonly string[];
}

/** Instances, public IPs, hosts and subnets of a raw topology, in file order. */
export function flowTargets(raw: RawTopology): FlowTargets {
  const vpcs = Object.values(raw.vpcs ?? {});
  return {
    instances: vpcs.flatMap((v) => Object.keys(v.instances ?? {})),
    publicIps: vpcs.flatMap((v) => Object.values(v.instances ?? {}).flatMap((i) => (i.publicIp ? [i.publicIp] : []))),
    hosts: Object.keys(raw.internet ?? {}),
    subnetCidrs: vpcs.flatMap((v) => Object.values(v.subnets ?? {}).map((s) => s.cidr)),
    endpoints: vpcs.flatMap((v) => Object.entries(v.endpoints ?? {}).filter(([, e]) => e.type === 'interface').map(([id]) => id)),
    endpointEnis: vpcs.flatMap((v) => Object.entries(v.endpoints ?? {}).filter(([, e]) => e.type === 'interface').flatMap(([id, e]) => (e.subnets ?? []).map((s) => `${id}/${s}`))),
    serviceNames: [
      ...vpcs.flatMap((v) => Object.values(v.endpointServices ?? {}).flatMap((s) => (s.privateDnsName ? [s.privateDnsName] : []))),
      // AWS services behind interface endpoints, by their public name (private DNS answers it in the VPC).
      ...vpcs.flatMap((v) => Object.values(v.endpoints ?? {}).flatMap((e) => (e.type === 'interface' && e.service.startsWith('com.amazonaws.') ? [`${e.service.split('.').slice(3).join('.')}.us-east-1.amazonaws.com`] : []))),
    ],
    onPremises: Object.values(raw.onPremises ?? {}).flatMap((n) => Object.keys(n.hosts ?? {})),
  };
}

const S3_ADDRESSES = ['52.216.237.77', '54.231.0.10', '3.5.16.1'];
const INTERNET_ADDRESSES = ['8.8.8.8', '1.1.1.1', '93.184.216.34'];

/** The query a plan describes over a raw topology. */
export function resolveFlow(raw: RawTopology, plan: FlowPlan): FlowQuery {
  const t = flowTargets(raw);
  const from =
    plan.from.kind === 'host' ? pick(t.hosts, plan.from.index) ?? 'internet'
      : plan.from.kind === 'internet' ? 'internet'
        : plan.from.kind === 'onPremises' ? pick(t.onPremises, plan.from.index) ?? pick(t.instances, plan.from.index) ?? 'internet'
          : pick(t.instances, plan.from.index) ?? 'internet';
  const fallback = pick(t.instances, plan.to.index) ?? '8.8.8.8';
  let to: string;
  switch (plan.to.kind) {
    case 'instance': to = fallback; break;
    case 'publicIp': to = pick(t.publicIps, plan.to.index) ?? fallback; break;
    case 'host': to = pick(t.hosts, plan.to.index) ?? fallback; break;
    case 's3': to = pick(S3_ADDRESSES, plan.to.index)!; break;
    case 'internetAddress': to = pick(INTERNET_ADDRESSES, plan.to.index)!; break;
    case 'endpoint': to = pick(t.endpoints, plan.to.index) ?? fallback; break;
    case 'endpointEni': to = pick(t.endpointEnis, plan.to.index) ?? fallback; break;
    case 'serviceName': to = pick(t.serviceNames, plan.to.index) ?? fallback; break;
    case 'onPremises': to = pick(t.onPremises, plan.to.index) ?? fallback; break;
    case 'subnetAddress': {
      const cidr = pick(t.subnetCidrs, plan.to.index);
      to = cidr ? cidr.replace(/\.0\/24$/, '.200') : fallback;
      break;
    }
    default: {
      const never: never = plan.to.kind;
      to = never;
    }
  }
  return { from, to, protocol: plan.protocol, port: plan.protocol === 'icmp' ? undefined : plan.port };
}
