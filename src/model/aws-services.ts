// The built-in catalogue of AWS services an endpoint can reach, per region.
// Real data: the S3 and DynamoDB AWS-managed prefix lists of the regions below, each from a
// source cited beside it (ids and ranges as that source shows them, on its date; AWS adds
// ranges over time: a file can declare the current list with `awsManaged: true`).
// Regions without a cited source keep stand-in ids and ranges (docs/aws-services.md).
// AWS does not publish per-service addresses for the other services (they sit in the broad
// AMAZON ranges), so each gets a stand-in /27 from 198.18.0.0/15 (RFC 2544, never routed on
// the internet, so it cannot collide with a real host in a file); docs/aws-services.md says so.
import { makePrefix, parsePrefix, isPrefix, type Prefix } from '../net/prefix.js';

/** One AWS service in one region. */
export interface AwsService {
  /** Full endpoint service name, e.g. com.amazonaws.us-east-1.s3. */
  readonly name: string;
  /** Short name, e.g. s3, ecr.api. */
  readonly short: string;
  readonly region: string;
  /** Supports gateway endpoints (S3 and DynamoDB only). */
  readonly gateway: boolean;
  /** Supports interface endpoints. */
  readonly interface: boolean;
  /** The regional public DNS name, e.g. kms.us-east-1.amazonaws.com. */
  readonly dnsName: string;
  /** The AWS-managed prefix list (gateway services). */
  readonly prefixList: { readonly id: string; readonly name: string } | undefined;
  /** Public addresses the service answers on. */
  readonly publicRanges: readonly Prefix[];
  /** True when publicRanges are real AWS data; false for the documented stand-ins. */
  readonly realRanges: boolean;
  /** Declared by the file (`awsServices`), not built in. */
  readonly declared?: true;
}

/** Regions the catalogue knows, in a fixed order (the order sets stand-in addresses). */
export const KNOWN_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'ca-west-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-central-2', 'eu-north-1',
  'eu-south-1', 'eu-south-2', 'ap-south-1', 'ap-south-2', 'ap-northeast-1', 'ap-northeast-2',
  'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4',
  'ap-east-1', 'sa-east-1', 'me-south-1', 'me-central-1', 'af-south-1', 'il-central-1',
  'mx-central-1', 'us-gov-west-1', 'us-gov-east-1',
] as const;

/** Services in the catalogue, in a fixed order; gateway ones first. */
export const SERVICE_SHORT_NAMES = [
  's3', 'dynamodb', 'kms', 'sts', 'ssm', 'ssmmessages', 'ec2messages', 'ec2', 'ecr.api',
  'ecr.dkr', 'execute-api', 'secretsmanager', 'logs', 'monitoring', 'sqs', 'sns', 'lambda',
  'elasticloadbalancing', 'cloudtrail', 'events', 'states', 'kinesis-streams',
  // Appended, so that stand-in ranges of the services above stay where they were.
  'ecs', 'ecs-agent', 'ecs-telemetry',
] as const;

const REAL_PREFIX_LISTS: Record<string, { id: string; entries: string[] }> = {
  // test/fixtures/aws/batfish-test-vpc-endpoint-gateway/us-east-1/PrefixLists.json (describe-prefix-lists of a real account).
  'us-east-1/s3': { id: 'pl-63a5400a', entries: ['54.231.0.0/17', '52.216.0.0/15', '3.5.16.0/21', '3.5.0.0/20'] },
  'us-east-1/dynamodb': { id: 'pl-02cd2c6b', entries: ['52.94.0.0/22', '52.119.224.0/20'] },
  // describe-prefix-lists in us-east-2 as of 2020-02-24, quoted in "What is AWS Prefix actually?" (Stack Overflow 55942907).
  'us-east-2/s3': { id: 'pl-7ba54012', entries: ['52.219.80.0/20', '3.5.128.0/22', '3.5.132.0/23', '52.219.96.0/20', '52.92.76.0/22'] },
  'us-east-2/dynamodb': { id: 'pl-4ca54025', entries: ['52.94.4.0/24'] },
  // Get-EC2PrefixList in eu-west-1, "Use DescribePrefixLists with a CLI", Amazon EC2 developer guide (example output, undated).
  'eu-west-1/s3': { id: 'pl-6da54004', entries: ['52.218.0.0/17', '54.231.128.0/19'] },
  'eu-west-1/dynamodb': { id: 'pl-6fa54006', entries: ['52.94.5.0/24', '52.119.240.0/21', '52.94.24.0/23'] },
};

const STAND_IN_BASE = 0xc6120000n; // 198.18.0.0

/** How many services the catalogue first had: their stand-in blocks are region × 22 + service. */
const FIRST_SERVICES = 22;

function standIn(regionIndex: number, serviceIndex: number): Prefix {
  // Services appended later get blocks after every region's first 22, so no block moves.
  const later = SERVICE_SHORT_NAMES.length - FIRST_SERVICES;
  const block = serviceIndex < FIRST_SERVICES
    ? BigInt(regionIndex * FIRST_SERVICES + serviceIndex)
    : BigInt(KNOWN_REGIONS.length * FIRST_SERVICES + regionIndex * later + (serviceIndex - FIRST_SERVICES));
  return makePrefix(4, STAND_IN_BASE + block * 32n, 27);
}

function cidrs(texts: readonly string[]): Prefix[] {
  return texts.map((t) => parsePrefix(t)).filter(isPrefix);
}

// Most services answer on <short>.<region>.amazonaws.com; these do not ("AWS services that
// integrate with AWS PrivateLink", PrivateLink guide, and each service's endpoints page).
const DNS_NAME_EXCEPTIONS: Record<string, (region: string) => string> = {
  'ecr.api': (r) => `api.ecr.${r}.amazonaws.com`,
  'ecr.dkr': (r) => `dkr.ecr.${r}.amazonaws.com`,
  'kinesis-streams': (r) => `kinesis.${r}.amazonaws.com`,
};

function dnsNameOf(short: string, region: string): string {
  return DNS_NAME_EXCEPTIONS[short]?.(region) ?? `${short}.${region}.amazonaws.com`;
}

/** Every catalogued service of a region; empty for a region the catalogue does not know. */
export function awsServicesIn(region: string): AwsService[] {
  const regionIndex = (KNOWN_REGIONS as readonly string[]).indexOf(region);
  if (regionIndex < 0) return [];
  return SERVICE_SHORT_NAMES.map((short, serviceIndex) => {
    const gateway = short === 's3' || short === 'dynamodb';
    const real = REAL_PREFIX_LISTS[`${region}/${short}`];
    const name = `com.amazonaws.${region}.${short}`;
    return {
      name,
      short,
      region,
      gateway,
      interface: true,
      dnsName: dnsNameOf(short, region),
      prefixList: gateway ? { id: real?.id ?? `pl-${short}-${region}`, name } : undefined,
      publicRanges: real ? cidrs(real.entries) : [standIn(regionIndex, serviceIndex)],
      realRanges: real !== undefined,
    };
  });
}

/** Look up a service by full name (com.amazonaws.<region>.<short>). */
export function findAwsService(name: string): AwsService | undefined {
  const m = /^com\.amazonaws\.([a-z0-9-]+)\.(.+)$/.exec(name);
  if (!m) return undefined;
  return awsServicesIn(m[1]!).find((s) => s.short === m[2]);
}

/**
 * Every service of every known region, by full name, in name order. The catalogue is
 * constant, so this is built once and shared by every loaded topology (never mutated).
 */
export const ALL_AWS_SERVICES: ReadonlyMap<string, AwsService> = new Map(
  KNOWN_REGIONS.flatMap((r) => awsServicesIn(r)).map((s): [string, AwsService] => [s.name, s]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
);
