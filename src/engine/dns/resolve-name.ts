// The resolver a packet's source asks ("DNS attributes for your VPC", Amazon VPC guide):
// inside a VPC, the Amazon-provided DNS server answers only when enableDnsSupport is on; it
// answers first from the private hosted zones associated with the VPC (here: interface
// endpoints' private DNS, which never crosses peering), then from public DNS. On the
// internet, only public DNS answers.
import { formatIp } from '../../net/ip.js';
import type { Vpc } from '../../model/resources.js';
import type { Span } from '../../model/span.js';
import type { Topology } from '../../model/topology.js';
import { normaliseName } from './dns-names.js';
import { renderDns } from '../render-step.js';
import type { DnsStep } from '../steps.js';
import { dnsRecords, type DnsRecord } from './dns-records.js';

/** Where the question is asked: a VPC's resolver, or public DNS (from the internet). */
export type DnsVantage = { readonly kind: 'vpc'; readonly vpc: Vpc } | { readonly kind: 'internet' };

/** What a name resolves to at a vantage point, and why: the typed answer, and its words (render-step.ts). */
export type DnsResolution =
  | { readonly kind: 'resolved'; readonly name: string; readonly record: DnsRecord; readonly step: DnsStep; readonly detail: string; readonly why: string }
  | { readonly kind: 'notResolved'; readonly name: string; readonly step: DnsStep; readonly detail: string; readonly why: string; readonly location: Span | undefined };

function vantageOf(v: DnsVantage): string {
  return v.kind === 'vpc' ? v.vpc.id : 'internet';
}

/** Why private DNS did not answer a name that some endpoint's private DNS would answer. */
function privateHint(t: Topology, name: string, v: DnsVantage): DnsStep['privateDns'] {
  const owners = dnsRecords(t).privateNameOwners.get(name) ?? [];
  if (owners.length === 0) return undefined;
  const here = v.kind === 'vpc' ? owners.filter((e) => e.vpc === v.vpc.id) : [];
  const inboundOnly = here.find((e) => e.privateDns && e.privateDnsOnlyForInboundResolverEndpoint);
  if (inboundOnly) return { reason: 'inboundResolverOnly', endpoint: inboundOnly.id };
  const off = here.find((e) => !e.privateDns);
  if (off) {
    const vpc = v.kind === 'vpc' ? v.vpc : undefined;
    return { reason: 'privateDnsOff', endpoint: off.id, ...(vpc && !(vpc.enableDnsSupport && vpc.enableDnsHostnames) ? { vpcAttributesMissing: true } : {}) };
  }
  const elsewhere = owners.filter((e) => e.privateDns && (v.kind === 'internet' || e.vpc !== v.vpc.id));
  if (elsewhere.length === 0) return undefined;
  return { reason: 'otherVpcs', endpoints: elsewhere.map((e) => ({ endpoint: e.id, vpc: e.vpc })) };
}

function answered(name: string, v: DnsVantage, record: DnsRecord, hint: DnsStep['privateDns']): DnsResolution {
  const step: DnsStep = {
    type: 'dns', action: 'resolved', name, vantage: vantageOf(v), verdict: 'answered', rule: record.rule, source: record.source,
    addresses: record.addresses.map((a) => formatIp(a.ip)), ...(hint ? { privateDns: hint } : {}),
  };
  const { detail, why } = renderDns(step);
  return { kind: 'resolved', name, record, step, detail, why };
}

function notResolved(step: DnsStep, location: Span | undefined): DnsResolution {
  const { detail, why } = renderDns(step);
  return { kind: 'notResolved', name: step.name, step, detail, why, location };
}

/** Resolve a name at a vantage point. */
export function resolveName(t: Topology, rawName: string, v: DnsVantage): DnsResolution {
  const name = normaliseName(rawName);
  if (v.kind === 'vpc' && !v.vpc.enableDnsSupport) {
    return notResolved({ type: 'dns', action: 'dropped', name, vantage: v.vpc.id, verdict: 'dnsSupportOff', addresses: [] }, v.vpc.span);
  }
  const records = dnsRecords(t);
  if (v.kind === 'vpc') {
    const own = records.privateByVpc.get(v.vpc.id)?.get(name);
    if (own) return answered(name, v, own, undefined);
  }
  const pub = records.publicByName.get(name);
  if (pub) return answered(name, v, pub, privateHint(t, name, v));
  const hint = privateHint(t, name, v);
  return notResolved({ type: 'dns', action: 'dropped', name, vantage: vantageOf(v), verdict: 'noRecord', addresses: [], ...(hint ? { privateDns: hint } : {}) }, undefined);
}
