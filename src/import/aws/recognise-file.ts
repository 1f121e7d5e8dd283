// Recognising a describe output by its top-level key, never by its file name: `Vpcs` is
// describe-vpcs wherever it sits. Per-resource calls whose output does not name the
// resource (describe-target-health, describe-load-balancer-attributes) are read in the
// wrapped form Batfish snapshots use ({"LoadBalancerTargetHealth": [{"TargetGroupArn", ...}]}),
// or with the ARN in the output or in the file name (cloudmapper stores them by ARN).
import { JsonReader, type Obj } from './json-reader.js';
import { parseListeners, parseLoadBalancers, parseAttributes } from './map-load-balancers.js';
import { parseConnections, parsePermissions, parseServiceConfigurations } from './map-endpoint-services.js';
import { parseEndpoints } from './map-endpoints.js';
import { parseAddresses, parseNetworkInterfaces, parseReservations } from './map-instances.js';
import { parseNatGateways } from './map-nat-gateways.js';
import { parseGetHostedZone, parseHostedZones, parseRecordSets } from './map-hosted-zones.js';
import { parseNetworkAcls } from './map-network-acls.js';
import { parsePeerings } from './map-peering.js';
import { parseManagedPrefixLists, parsePrefixListEntries, parsePrefixLists } from './map-prefix-lists.js';
import { parseRouteTables } from './map-route-tables.js';
import { parseSecurityGroups } from './map-security-groups.js';
import { parseSubnets, parseZones } from './map-subnets.js';
import { parseTargetGroups, parseTargetHealth } from './map-target-groups.js';
import { parseUnmodelled, UNMODELLED_KEYS } from './map-unmodelled.js';
import { parseCustomerGateways, parseVpnConnections, parseVpnGateways } from './map-vpn.js';
import {
  parseTgwAttachments, parseTgwPeeringAttachments, parseTgwPropagations, parseTgwRouteTables, parseTgwStaticRoutes, parseTgwVpcAttachments, parseTransitGateways,
} from './map-transit-gateways.js';
import { parseEgressOnlyInternetGateways, parseInternetGateways, parseVpcAttributes, parseVpcs } from './map-vpcs.js';
import type { Problems } from './problems.js';
import type { SnapshotFile } from './read-folder.js';
import type { Snapshot } from './snapshot.js';

type Parser = (r: JsonReader, o: Obj, s: Snapshot) => void;

/** Describe outputs read whole, by top-level key. */
const PARSERS: Readonly<Record<string, Parser>> = {
  Vpcs: parseVpcs,
  VpnGateways: parseVpnGateways,
  VpnConnections: parseVpnConnections,
  CustomerGateways: parseCustomerGateways,
  Subnets: parseSubnets,
  AvailabilityZones: parseZones,
  RouteTables: parseRouteTables,
  SecurityGroups: parseSecurityGroups,
  NetworkAcls: parseNetworkAcls,
  InternetGateways: parseInternetGateways,
  EgressOnlyInternetGateways: parseEgressOnlyInternetGateways,
  NetworkInterfaces: parseNetworkInterfaces,
  Reservations: parseReservations,
  Addresses: parseAddresses,
  NatGateways: parseNatGateways,
  VpcEndpoints: parseEndpoints,
  ServiceConfigurations: parseServiceConfigurations,
  VpcEndpointConnections: parseConnections,
  VpcPeeringConnections: parsePeerings,
  PrefixLists: parsePrefixLists,
  ManagedPrefixLists: parseManagedPrefixLists,
  LoadBalancers: parseLoadBalancers,
  TargetGroups: parseTargetGroups,
  Listeners: (r, o, s) => parseListeners(r, o, '$', undefined, s),
  HostedZones: parseHostedZones,
  TransitGateways: parseTransitGateways,
  TransitGatewayAttachments: parseTgwAttachments,
  TransitGatewayVpcAttachments: parseTgwVpcAttachments,
  TransitGatewayPeeringAttachments: parseTgwPeeringAttachments,
  TransitGatewayRouteTables: parseTgwRouteTables,
  TransitGatewayPropagations: parseTgwPropagations,
  TransitGatewayStaticRoutes: parseTgwStaticRoutes,
};

/** Per-resource outputs wrapped in a list of {<id key>, ...output} entries. */
const WRAPPED: Readonly<Record<string, { readonly idKey: string; readonly parse: (r: JsonReader, o: Obj, path: string, id: string, s: Snapshot) => void }>> = {
  LoadBalancerListeners: { idKey: 'LoadBalancerArn', parse: (r, o, p, id, s) => parseListeners(r, o, p, id, s) },
  LoadBalancerAttributes: { idKey: 'LoadBalancerArn', parse: (r, o, p, id, s) => parseAttributes(r, o, p, id, 'lb', s) },
  TargetGroupAttributes: { idKey: 'TargetGroupArn', parse: (r, o, p, id, s) => parseAttributes(r, o, p, id, 'tg', s) },
  LoadBalancerTargetHealth: { idKey: 'TargetGroupArn', parse: parseTargetHealth },
  VpcAttributes: { idKey: 'VpcId', parse: (r, o, p, _id, s) => parseVpcAttributes(r, o, p, s) },
  VpcEndpointServicePermissions: { idKey: 'ServiceId', parse: (r, o, p, id, s) => parsePermissions(r, o, p, id, s) },
  ManagedPrefixListEntries: { idKey: 'PrefixListId', parse: parsePrefixListEntries },
  HostedZoneRecordSets: { idKey: 'HostedZoneId', parse: parseRecordSets },
};

/**
 * Keys that are recognised and carry nothing to import: what a region offers
 * (ServiceDetails), transit gateway route details (named with their route table), non-network
 * resources, and paging fields.
 */
export const IGNORED_KEYS: ReadonlySet<string> = new Set([
  'ServiceDetails', 'ServiceNames', 'AdditionalRoutesAvailable',
  'Snapshots', 'Volumes', 'Images', 'KeyPairs', 'Tags', 'Regions', 'AccountAttributes', 'NextToken', 'ResponseMetadata',
  'VpcId', 'EnableDnsSupport', 'EnableDnsHostnames', 'LoadBalancerArn', 'TargetGroupArn', 'ServiceId', 'PrefixListId',
  'VPCs', 'DelegationSet', 'IsTruncated', 'MaxItems', 'Marker', 'NextMarker', 'NextRecordName', 'NextRecordType', 'NextRecordIdentifier', 'HostedZoneId',
]);

/** An ARN or id from the file name (cloudmapper stores per-resource outputs by URL-encoded ARN). */
function idFromFileName(rel: string, pattern: RegExp): string | undefined {
  const base = rel.slice(rel.lastIndexOf('/') + 1).replace(/\.json$/i, '');
  let decoded = base;
  try {
    decoded = decodeURIComponent(base);
  } catch {
    decoded = base;
  }
  return pattern.test(decoded) ? decoded : undefined;
}

function perResource(r: JsonReader, o: Obj, key: string, s: Snapshot): 'read' | 'unnamed' | 'unknown' {
  const file = r.file.rel;
  const str = (k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  switch (key) {
    case 'TargetHealthDescriptions': {
      const arn = str('TargetGroupArn') ?? idFromFileName(file, /^arn:aws[a-z-]*:elasticloadbalancing:.*:targetgroup\//);
      if (arn === undefined) return 'unnamed';
      parseTargetHealth(r, o, '$', arn, s);
      return 'read';
    }
    case 'Attributes': {
      const arn = str('LoadBalancerArn') ?? str('TargetGroupArn') ?? idFromFileName(file, /^arn:aws[a-z-]*:elasticloadbalancing:/);
      if (arn === undefined) return 'unnamed';
      parseAttributes(r, o, '$', arn, arn.includes(':targetgroup/') ? 'tg' : 'lb', s);
      return 'read';
    }
    case 'AllowedPrincipals':
      parsePermissions(r, o, '$', str('ServiceId') ?? idFromFileName(file, /^vpce-svc-[0-9a-f]+$/), s);
      return 'read';
    case 'Entries': {
      const id = str('PrefixListId') ?? idFromFileName(file, /^pl-[0-9a-f]+$/);
      if (id === undefined) return 'unnamed';
      parsePrefixListEntries(r, o, '$', id, s);
      return 'read';
    }
    case 'HostedZone':
      parseGetHostedZone(r, o, s);
      return 'read';
    case 'ResourceRecordSets': {
      const id = str('HostedZoneId') ?? idFromFileName(file, /^Z[0-9A-Z]+$/);
      if (id === undefined) return 'unnamed';
      parseRecordSets(r, o, '$', id, s);
      return 'read';
    }
    default:
      return 'unknown';
  }
}

/** Read one file into the snapshot by its top-level keys; warn about keys it does not know. */
export function recogniseFile(file: SnapshotFile, problems: Problems, s: Snapshot): void {
  const r = new JsonReader(problems, file);
  s.fileCount++;
  const o = file.json;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) {
    problems.warn('UNRECOGNISED_FILE', file.rel, file.rel, '$', 'the top level is not an object, so this is not describe output; ignored');
    return;
  }
  const obj = o as Obj;
  if (typeof obj['VpcId'] === 'string' && ('EnableDnsSupport' in obj || 'EnableDnsHostnames' in obj)) parseVpcAttributes(r, obj, '$', s);
  const unknown: string[] = [];
  for (const key of Object.keys(obj)) {
    const parser = PARSERS[key];
    const wrapped = WRAPPED[key];
    // Describe output lists its records in an array, empty when there are none: null or
    // an object here is not what AWS prints, and must not read as "no records".
    if ((parser || wrapped || UNMODELLED_KEYS[key]) && !Array.isArray(obj[key])) {
      const v = obj[key];
      r.wrong(`$.${key}`, `expected the array of records that ${key} holds (AWS prints [] when there are none), found ${v === null ? 'null' : typeof v === 'object' ? 'an object' : `a ${typeof v}`}`);
      continue;
    }
    if (parser) parser(r, obj, s);
    else if (wrapped) {
      r.objects(obj, key, '$', (entry, path) => {
        const id = r.str(entry, wrapped.idKey, path);
        if (id !== undefined) wrapped.parse(r, entry, path, id, s);
        return undefined;
      });
    } else if (UNMODELLED_KEYS[key]) parseUnmodelled(r, obj, key, s);
    else if (IGNORED_KEYS.has(key)) continue;
    else {
      const read = perResource(r, obj, key, s);
      if (read === 'unnamed') {
        problems.warn('UNRECOGNISED_FILE', file.rel, file.rel, `$.${key}`,
          `"${key}" is the output of a per-resource call, but neither the output nor the file name says which resource (wrap it as docs/import.md shows); ignored`);
      } else if (read === 'unknown') unknown.push(key);
    }
  }
  if (unknown.length > 0 || Object.keys(obj).length === 0) {
    problems.warn('UNRECOGNISED_FILE', file.rel, file.rel, '$',
      `top-level key${unknown.length === 1 ? '' : 's'} ${unknown.map((k) => `"${k}"`).join(', ') || '(none)'}: not describe output the importer knows (docs/import.md lists the keys); ignored`);
  }
}
