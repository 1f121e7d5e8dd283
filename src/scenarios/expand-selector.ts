// A check's `from` or `to` as the concrete endpoints it names. Sources are instance, ENI,
// endpoint and internet host ids or IPs; destinations are the same plus DNS names. The
// check holds for every (source, destination) pair.
import type { CheckSelector } from '../model/check.js';
import type { Span } from '../model/span.js';
import { didYouMean, quoted } from '../model/suggest.js';
import { lookupAlias } from '../engine/resolve-alias.js';
import type { Topology } from '../model/topology.js';
import { parseIp } from '../net/ip.js';
import type { CheckError } from './check-errors.js';

/** Which end of a check a selector is. */
export type SelectorSide = 'from' | 'to';

/** The word that selects the internet. */
export const INTERNET = 'internet';

/**
 * The address `internet` stands for when the file declares no internet host: the first
 * address of TEST-NET-2 (RFC 5737), public, documentation-only, and never an AWS range.
 */
export const REPRESENTATIVE_PUBLIC_ADDRESS = '198.51.100.1';

/** The endpoints a selector expands to, in a stable order, or why it cannot expand. */
export interface Expansion {
  readonly endpoints: readonly string[];
  readonly errors: readonly CheckError[];
}

// A name with at least one dot, made of DNS label characters: a destination the engine
// resolves (api.example.com, kms.us-east-1.amazonaws.com).
const DNS_NAME = /^(?=.{1,253}\.?$)[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))+\.?$/i;

/**
 * Expand a selector; `span` is where it is written, for errors, and `itemSpans` where each
 * item of a list is (an unknown item is reported at the item).
 */
export function expandSelector(topology: Topology, selector: CheckSelector, side: SelectorSide, span: Span, itemSpans: readonly Span[] = []): Expansion {
  const out: string[] = [];
  const seen = new Set<string>();
  const errors: CheckError[] = [];
  const add = (ids: Iterable<string>): void => {
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(id);
    }
  };
  let at = span;
  const unknown = (message: string, word: string, candidates: Iterable<string>): void => {
    errors.push({ code: 'UNKNOWN_CHECK_ID', message: `${message}${didYouMean(word, candidates)}`, span: at });
  };
  switch (selector.kind) {
    case 'list':
      selector.items.forEach((item, i) => {
        at = itemSpans[i] ?? span;
        expandItem(topology, item, side, add, unknown);
      });
      at = span;
      break;
    case 'subnet':
      if (topology.subnets.has(selector.id)) add(membersOfSubnet(topology, selector.id));
      else unknown(`${side}: no subnet "${selector.id}"`, selector.id, topology.subnets.keys());
      break;
    case 'vpc':
      if (topology.vpcs.has(selector.id)) add(membersOfVpc(topology, selector.id));
      else unknown(`${side}: no VPC "${selector.id}"`, selector.id, topology.vpcs.keys());
      break;
    case 'securityGroup':
      if (topology.securityGroups.has(selector.id)) add(membersOfSecurityGroup(topology, selector.id, side));
      else unknown(`${side}: no security group "${selector.id}"`, selector.id, topology.securityGroups.keys());
      break;
    case 'interfaceType':
      add(membersOfType(topology, selector.id));
      break;
    case 'onPremises': {
      const network = topology.onPremisesNetworks.get(selector.id);
      if (network) add(network.hosts);
      else unknown(`${side}: no on-premises network "${selector.id}"`, selector.id, topology.onPremisesNetworks.keys());
      break;
    }
    default: {
      const never: never = selector;
      throw new Error(`unknown selector ${JSON.stringify(never)}`);
    }
  }
  if (errors.length === 0 && out.length === 0) {
    errors.push({ code: 'EMPTY_SELECTOR', message: `${side}: ${describeSelector(selector)} matches no ${side === 'from' ? 'source' : 'destination'}`, span });
  }
  return { endpoints: out, errors };
}

function expandItem(
  topology: Topology,
  item: string,
  side: SelectorSide,
  add: (ids: Iterable<string>) => void,
  unknown: (message: string, word: string, candidates: Iterable<string>) => void,
): void {
  const resource = topology.byId.get(item);
  if (resource?.kind === 'subnet') return add(membersOfSubnet(topology, item));
  if (resource?.kind === 'vpc') return add(membersOfVpc(topology, item));
  if (resource?.kind === 'securityGroup') return add(membersOfSecurityGroup(topology, item, side));
  if (resource?.kind === 'onPremisesNetwork') return add(resource.hosts);
  if (resource || topology.enis.has(item) || parseIp(item)) return add([item]);
  if (item === INTERNET) {
    return add(topology.internetHosts.size > 0 ? topology.internetHosts.keys() : [REPRESENTATIVE_PUBLIC_ADDRESS]);
  }
  if (side === 'from') {
    // An internet host may be named by its DNS name; packets start from the host.
    const host = [...topology.internetHosts.values()].find((h) => h.dns === item) ?? [...topology.onPremisesHosts.values()].find((h) => h.dns === item);
    if (host) return add([host.id]);
  }
  const alias = lookupAlias(topology, item);
  if (alias.kind === 'id') return add([alias.id]);
  if (alias.kind === 'ambiguous') return unknown(`${side}: "${item}" is the name of ${alias.ids.length} resources (${alias.ids.join(', ')}); name one by id`, item, []);
  if (side === 'to' && DNS_NAME.test(item)) return add([item]);
  unknown(`${side}: ${quoted(item)} is not an id${side === 'to' ? ', an IP or a DNS name' : ' or an IP'} in this topology`, item, [
    ...topology.byId.keys(),
    ...topology.enis.keys(),
    INTERNET,
  ]);
}

/** Instances and network interfaces in a subnet. */
function membersOfSubnet(topology: Topology, subnet: string): string[] {
  return [...topology.instances.values(), ...topology.networkInterfaces.values()].filter((i) => i.subnet === subnet).map((i) => i.id);
}

/** Instances and network interfaces in a VPC. */
function membersOfVpc(topology: Topology, vpc: string): string[] {
  return [...topology.instances.values(), ...topology.networkInterfaces.values()].filter((i) => i.vpc === vpc).map((i) => i.id);
}

/** Interfaces of a type: network interfaces by their type, instances' primary ones as `interface`. */
function membersOfType(topology: Topology, type: string): string[] {
  const interfaces = [...topology.networkInterfaces.values()].filter((n) => n.type === type).map((n) => n.id);
  return type === 'interface' ? [...topology.instances.keys(), ...interfaces] : interfaces;
}

/**
 * Members of a security group: instances that hold it, and as destinations also the
 * network interfaces of interface endpoints that hold it. An endpoint's interface never
 * starts a connection (PrivateLink carries consumer-to-provider traffic only), so it is
 * not a source.
 */
function membersOfSecurityGroup(topology: Topology, sg: string, side: SelectorSide): string[] {
  const instances = [...topology.instances.values(), ...topology.networkInterfaces.values()].filter((i) => i.securityGroups.includes(sg)).map((i) => i.id);
  if (side === 'from') return instances;
  const endpointEnis = [...topology.enis.values()]
    .filter((e) => e.owner.kind === 'endpoint' && e.securityGroups.includes(sg))
    .map((e) => e.id);
  return [...instances, ...endpointEnis];
}

/** A selector in words, for messages. */
export function describeSelector(selector: CheckSelector): string {
  switch (selector.kind) {
    case 'list':
      return selector.items.length === 1 ? `"${selector.items[0]}"` : `[${selector.items.join(', ')}]`;
    case 'subnet':
      return `subnet ${selector.id}`;
    case 'vpc':
      return `VPC ${selector.id}`;
    case 'securityGroup':
      return `security group ${selector.id}`;
    case 'interfaceType':
      return `interfaces of type ${selector.id}`;
    case 'onPremises':
      return `on-premises network ${selector.id}`;
    default: {
      const never: never = selector;
      return String(never);
    }
  }
}
