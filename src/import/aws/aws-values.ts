// Small conversions from AWS spellings to format v1 spellings: protocols, states, regions
// from zone names and ARNs, and ids made from names.
import { ID_PATTERN } from '../../model/schema/schema-helpers.js';
import { isRegionName } from './read-folder.js';

/** A protocol in format v1: a name, or an IP protocol number. */
export type FormatProtocol = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'all' | number;

const BY_NUMBER: Record<string, FormatProtocol> = { '-1': 'all', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

/**
 * An EC2 IpProtocol / NACL Protocol value: "-1" (all), a name, or a number as text
 * ("Security group rules", EC2 API: -1 means all protocols and ports).
 */
export function protocolOf(text: string): FormatProtocol | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'tcp' || t === 'udp' || t === 'icmp' || t === 'icmpv6') return t;
  if (t === 'all') return 'all';
  const named = BY_NUMBER[t];
  if (named !== undefined) return named;
  if (/^\d{1,3}$/.test(t) && Number(t) <= 255) return Number(t);
  return undefined;
}

/** Whether a protocol has ports (TCP and UDP). */
export function hasPorts(p: FormatProtocol): boolean {
  return p === 'tcp' || p === 'udp';
}

/** A port range in format v1: N, or "N-M". */
export function portsOf(from: number, to: number): number | string {
  return from === to ? from : `${from}-${to}`;
}

const ENDPOINT_STATES: Record<string, string> = {
  available: 'available',
  pendingacceptance: 'pendingAcceptance',
  pending: 'pending',
  rejected: 'rejected',
  expired: 'expired',
  failed: 'failed',
  deleting: 'deleting',
  deleted: 'deleted',
};

/** A VPC endpoint State in any case ("Available", "pendingAcceptance") -> format spelling. */
export function endpointStateOf(state: string): string | undefined {
  return ENDPOINT_STATES[state.replace(/[-_\s]/g, '').toLowerCase()];
}

const SERVICE_STATES = new Set(['pending', 'available', 'failed', 'deleting', 'deleted']);

/** An endpoint service ServiceState ("Available") -> format spelling. */
export function serviceStateOf(state: string): string | undefined {
  const s = state.toLowerCase();
  return SERVICE_STATES.has(s) ? s : undefined;
}

const PEERING_STATES = new Set([
  'active', 'pending-acceptance', 'initiating-request', 'provisioning', 'rejected', 'failed', 'expired', 'deleting', 'deleted',
]);

/** A peering Status.Code -> format spelling. */
export function peeringStatusOf(code: string): string | undefined {
  const s = code.toLowerCase();
  return PEERING_STATES.has(s) ? s : undefined;
}

/** The region of an Availability Zone name: us-east-1a, us-west-2-lax-1a -> us-east-1, us-west-2. */
export function regionOfZoneName(zone: string): string | undefined {
  const m = /^([a-z]{2}(?:-[a-z]+)+-\d)(?:[a-z]|-[a-z0-9-]+)$/.exec(zone);
  return m && isRegionName(m[1]!) ? m[1] : undefined;
}

/** The region field of an ARN (arn:aws:ec2:us-east-2:123456789012:subnet/...). */
export function regionOfArn(arn: string): string | undefined {
  const region = arn.split(':')[3];
  return region !== undefined && isRegionName(region) ? region : undefined;
}

const ID = new RegExp(ID_PATTERN);

/** Whether a text is a valid format v1 id. */
export function isFormatId(text: string): boolean {
  return ID.test(text);
}

/** A format v1 id made from a name: characters outside [A-Za-z0-9._-] become '-'. */
export function idFromName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return cleaned === '' ? 'unnamed' : cleaned;
}

/** The last path segment of an ARN's resource (…/net/test-lb/725b996cb6be8fba -> 725b996cb6be8fba). */
export function arnSuffix(arn: string): string {
  const parts = arn.split('/');
  return parts[parts.length - 1] ?? arn;
}
