// The loading pipeline: text -> YAML with positions -> schema check -> ids -> model ->
// semantic checks. Every problem is collected; a topology is returned only when there is
// no error, so the engine never runs on a half-understood file.
import type { Diagnostic } from './diagnostic.js';
import { hasErrors, sortDiagnostics } from './diagnostic.js';
import type { RawTopology } from './format.js';
import { parseYaml } from './parse-yaml.js';
import { readYamlFile } from './read-yaml-file.js';
import type { Resource } from './resources.js';
import type { SourceMap } from './source-map.js';
import { fileStartSpan } from './span.js';
import type { Topology } from './topology.js';
import { validateSchema } from './validate-schema.js';
import type { BuildContext } from './build/context.js';
import { collectIds } from './build/collect-ids.js';
import { buildVpcs } from './build/build-vpcs.js';
import { buildRoutes } from './build/build-routes.js';
import { buildWorkloads } from './build/build-workloads.js';
import { buildPrivateLink } from './build/build-endpoints.js';
import { buildAccounts, buildInternetHosts, buildPeerings, buildPrefixLists, buildUnmodelled, regionsInUse } from './build/build-globals.js';
import { buildTransitGateways } from './build/build-transit-gateways.js';
import { buildChecks } from './build/build-checks.js';
import { buildProtect } from './build/build-protect.js';
import { withChecksFile, type ChecksFile } from './checks-file.js';
import { buildSegments } from './build/build-segments.js';
import { buildDns } from './build/build-dns.js';
import { runValidators } from './validate/run-validators.js';
import { buildHybrid } from './build/build-on-premises.js';
import { buildPropagatedRoutes } from './build/build-propagated-routes.js';

/** The result of loading: a topology when valid, and every diagnostic either way. */
export interface LoadResult {
  readonly topology: Topology | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** The region used when the file names none. */
export const DEFAULT_REGION = 'us-east-1';

function sortedMap<V>(m: ReadonlyMap<string, V>): Map<string, V> {
  return new Map([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Options for text vpcsim wrote itself (an imported snapshot or plan), never a user's file. */
export interface LoadTextOptions {
  /** Lifts the size bound. */
  readonly maxBytes?: number;
  /** Lifts the node-count bound (count-yaml-nodes.ts). */
  readonly maxNodes?: number;
  /** Replaces the YAML's positions, e.g. with the plan JSON's an imported plan came from. */
  readonly mapSources?: (yamlMap: SourceMap) => SourceMap;
  /** Checks written in a separate file (`vpcsim check PLAN --checks FILE`), run after the topology's own. */
  readonly checks?: ChecksFile;
}

/** Load topology text; `file` is the name diagnostics print. */
export function loadTopologyText(file: string, text: string, options: LoadTextOptions = {}): LoadResult {
  const parsed = parseYaml(file, text, options.maxBytes, options.maxNodes);
  if (parsed.data === undefined || !parsed.sourceMap) {
    return { topology: undefined, diagnostics: sortDiagnostics(parsed.diagnostics) };
  }
  const own = options.mapSources ? options.mapSources(parsed.sourceMap) : parsed.sourceMap;
  const { data, map } = options.checks ? withChecksFile(parsed.data, own, options.checks) : { data: parsed.data, map: own };
  const schemaDiagnostics = validateSchema(data, map);
  // Unknown keys leave the rest of the data well typed (the builder never reads them), so the
  // model's own checks still run and one pass reports both; any other shape error stops here.
  if (schemaDiagnostics.some((d) => d.code !== 'UNKNOWN_KEY')) return { topology: undefined, diagnostics: sortDiagnostics(schemaDiagnostics) };
  const raw = data as RawTopology;
  const ctx: BuildContext = { file, map, diagnostics: [], ids: new Map(), region: raw.region ?? DEFAULT_REGION };
  collectIds(ctx, raw);
  const { accounts, ids: accountIds } = buildAccounts(ctx, raw);
  const { prefixLists, lookup, services } = buildPrefixLists(ctx, raw, regionsInUse(ctx, raw));
  const fabric = buildVpcs(ctx, raw, accountIds, lookup);
  const peeringConnections = buildPeerings(ctx, raw, fabric.vpcs);
  const unmodelledTargets = buildUnmodelled(ctx, raw);
  const tgws = buildTransitGateways(ctx, raw, accountIds, fabric.vpcs, fabric.subnets, lookup);
  buildRoutes(ctx, raw, fabric, lookup);
  const workloads = buildWorkloads(ctx, raw, fabric);
  const privateLink = buildPrivateLink(ctx, raw, fabric, workloads, services);
  const hybrid = buildHybrid(ctx, raw, fabric.vpcs);
  buildPropagatedRoutes(ctx, raw, fabric, hybrid);
  const internetHosts = buildInternetHosts(ctx, raw);
  const dns = buildDns(ctx, raw);
  const checks = buildChecks(ctx, raw);
  const protect = buildProtect(ctx, raw);
  const segments = buildSegments(ctx, raw);

  const byId = new Map<string, Resource>();
  const maps: ReadonlyMap<string, Resource>[] = [
    accounts, fabric.vpcs, fabric.subnets, fabric.routeTables, fabric.internetGateways, fabric.egressOnlyInternetGateways, unmodelledTargets, fabric.securityGroups,
    fabric.networkAcls, workloads.instances, workloads.networkInterfaces, workloads.natGateways, workloads.loadBalancers, workloads.targetGroups,
    privateLink.endpointServices, privateLink.endpoints, peeringConnections, prefixLists, internetHosts,
    tgws.transitGateways, tgws.attachments, tgws.routeTables,
    hybrid.virtualPrivateGateways, hybrid.customerGateways, hybrid.vpnConnections, hybrid.directConnectGateways,
    hybrid.onPremisesNetworks, hybrid.onPremisesHosts,
    dns.hostedZones, dns.resolverEndpoints, dns.resolverRules, dns.dnsServers,
  ];
  for (const m of maps) for (const [id, r] of m) byId.set(id, r);

  const topology: Topology = {
    file,
    name: raw.name,
    description: raw.description,
    region: ctx.region,
    span: fileStartSpan(file),
    accounts: sortedMap(accounts),
    vpcs: sortedMap(fabric.vpcs),
    subnets: sortedMap(fabric.subnets),
    routeTables: sortedMap(fabric.routeTables),
    internetGateways: sortedMap(fabric.internetGateways),
    egressOnlyInternetGateways: sortedMap(fabric.egressOnlyInternetGateways),
    unmodelledTargets: sortedMap(unmodelledTargets),
    natGateways: sortedMap(workloads.natGateways),
    securityGroups: sortedMap(fabric.securityGroups),
    networkAcls: sortedMap(fabric.networkAcls),
    instances: sortedMap(workloads.instances),
    networkInterfaces: sortedMap(workloads.networkInterfaces),
    loadBalancers: sortedMap(workloads.loadBalancers),
    targetGroups: sortedMap(workloads.targetGroups),
    endpointServices: sortedMap(privateLink.endpointServices),
    endpoints: sortedMap(privateLink.endpoints),
    peeringConnections: sortedMap(peeringConnections),
    transitGateways: sortedMap(tgws.transitGateways),
    transitGatewayAttachments: sortedMap(tgws.attachments),
    transitGatewayRouteTables: sortedMap(tgws.routeTables),
    prefixLists: sortedMap(prefixLists),
    internetHosts: sortedMap(internetHosts),
    virtualPrivateGateways: sortedMap(hybrid.virtualPrivateGateways),
    customerGateways: sortedMap(hybrid.customerGateways),
    vpnConnections: sortedMap(hybrid.vpnConnections),
    directConnectGateways: sortedMap(hybrid.directConnectGateways),
    onPremisesNetworks: sortedMap(hybrid.onPremisesNetworks),
    onPremisesHosts: sortedMap(hybrid.onPremisesHosts),
    awsServices: services,
    hostedZones: sortedMap(dns.hostedZones),
    resolverEndpoints: sortedMap(dns.resolverEndpoints),
    resolverRules: sortedMap(dns.resolverRules),
    dnsServers: sortedMap(dns.dnsServers),
    enis: sortedMap(workloads.enis),
    byId: sortedMap(byId),
    checks,
    protect,
    segments,
  };
  const diagnostics = sortDiagnostics([...schemaDiagnostics, ...ctx.diagnostics, ...runValidators(topology, map)]);
  return { topology: hasErrors(diagnostics) ? undefined : topology, diagnostics };
}

/** Load a topology file from disk, with the checks of a separate checks file when given. */
export function loadTopologyFile(path: string, options: Pick<LoadTextOptions, 'checks'> = {}): LoadResult {
  const read = readYamlFile(path);
  if ('diagnostic' in read) return { topology: undefined, diagnostics: [read.diagnostic] };
  return loadTopologyText(path, read.text, options);
}
