// Network interfaces (describe-network-interfaces) that belong to no resource the importer
// maps otherwise: requester-managed interfaces of Lambda, RDS, ECS tasks, EKS, EFS mount
// targets and the like ("Requester-managed network interfaces", Amazon EC2 guide: such an
// interface names its service in Description, RequesterId and InterfaceType), and
// secondary interfaces of instances. Each becomes a `networkInterfaces` entry with its
// subnet, every address AWS gave it, its security groups, description and type.
import type { RawNetworkInterface } from '../../model/format.js';
import { INTERFACE_TYPES, type InterfaceType } from '../../model/resources.js';
import { addressOrWarn } from './claim-address.js';
import { claimId, defaultGroupWarning, missingReference, type ImportContext } from './context.js';
import { emitted, type OutVpc } from './output-model.js';
import { cmp } from './problems.js';
import type { EniRec } from './snapshot.js';

type OutInterface = { -readonly [K in keyof RawNetworkInterface]: RawNetworkInterface[K] };

// Descriptions and requesters AWS services give the interfaces they create (each service's
// guide: "AWS Lambda VPC ENI-<function>", "RDSNetworkInterface", "arn:aws:ecs:...:attachment/",
// "Amazon EKS <cluster>", "EFS mount target for fsmt-...", "ElastiCache <cluster>"...).
const BY_DESCRIPTION: readonly [RegExp, InterfaceType][] = [
  [/^AWS Lambda VPC ENI/i, 'lambda'],
  [/^RDSNetworkInterface/i, 'rds'],
  [/^arn:aws[a-z-]*:ecs:/i, 'ecs'],
  [/^(Amazon EKS|aws-K8S-)/i, 'eks'],
  [/^EFS mount target/i, 'efs'],
  [/^ElastiCache/i, 'elasticache'],
  [/^(RedshiftNetworkInterface|Network interface for Amazon Redshift)/i, 'redshift'],
  [/^(ES |OpenSearch)/i, 'opensearch'],
  [/^AWS created network interface for directory/i, 'directory_service'],
  [/^(Created By Amazon Workspaces|WorkSpaces)/i, 'workspaces'],
  [/^ENI for FSx|^FSx/i, 'fsx'],
  [/^(MSK|Kafka)/i, 'msk'],
  [/^AmazonMQ/i, 'mq'],
  [/^(SageMaker|\[DO NOT DELETE\] ENI managed by SageMaker)/i, 'sagemaker'],
  [/^(CodeBuild|AWS CodeBuild)/i, 'codebuild'],
  [/^Glue/i, 'glue'],
];
const BY_REQUESTER: Readonly<Record<string, InterfaceType>> = {
  'amazon-rds': 'rds', 'amazon-elasticache': 'elasticache', 'amazon-redshift': 'redshift', 'amazon-elasticsearch': 'opensearch',
};

/** What an interface is for, from its InterfaceType, Description and RequesterId. */
export function interfaceTypeOf(e: EniRec): InterfaceType {
  const awsType = (e.type ?? 'interface').toLowerCase();
  if (awsType !== 'interface' && (INTERFACE_TYPES as readonly string[]).includes(awsType)) return awsType as InterfaceType;
  const desc = e.description ?? '';
  for (const [re, type] of BY_DESCRIPTION) if (re.test(desc)) return type;
  const requester = e.requesterId !== undefined ? BY_REQUESTER[e.requesterId] : undefined;
  if (requester) return requester;
  return awsType === 'interface' ? 'interface' : 'other';
}

/** Emit one interface into its VPC, claiming its addresses; false when it cannot be. */
export function emitInterface(ctx: ImportContext, vpc: OutVpc, e: EniRec, instance: string | undefined): boolean {
  const subnet = e.subnetId !== undefined ? vpc.subnets.get(e.subnetId) : undefined;
  if (e.subnetId === undefined || !subnet) {
    if (e.subnetId !== undefined) {
      missingReference(ctx, 'subnets', e.src, `${e.src.path}.SubnetId`, {
        resource: e.id, from: `network interface ${e.id}`, what: `subnet ${e.subnetId}`, consequence: 'the interface is left out',
      });
    }
    return false;
  }
  if (!claimId(ctx, e.id, 'network interface', e.src)) return false;
  const sub = { id: e.subnetId, cidr: subnet.value.cidr };
  const value: OutInterface = { subnet: e.subnetId };
  if (e.src.name !== undefined) value.name = e.src.name;
  const at = (what: string, path: string, text: string, space: 'private' | 'public', s: typeof sub | undefined): boolean =>
    addressOrWarn(ctx, { text, owner: e.id, subnet: s, space, what, src: e.src, path });
  if (e.privateIp !== undefined && at('the private IP', `${e.src.path}.PrivateIpAddress`, e.privateIp, 'private', sub)) value.privateIp = e.privateIp;
  const secondary = e.secondaryIps.filter((ip, i) => at('a secondary private IP', `${e.src.path}.PrivateIpAddresses[${i + 1}]`, ip, 'private', sub));
  if (secondary.length > 0) value.secondaryPrivateIps = secondary;
  if (e.publicIp !== undefined && at('the public IP', `${e.src.path}.Association.PublicIp`, e.publicIp, 'public', undefined)) value.publicIp = e.publicIp;
  const ipv6 = e.ipv6[0];
  if (ipv6 !== undefined && subnet.value.ipv6Cidr !== undefined &&
    at('the IPv6 address', `${e.src.path}.Ipv6Addresses[0]`, ipv6, 'private', { id: e.subnetId, cidr: subnet.value.ipv6Cidr })) value.ipv6Ip = ipv6;
  const sgs = e.groups.filter((g) => {
    if (vpc.securityGroups.has(g)) return true;
    missingReference(ctx, 'securityGroups', e.src, `${e.src.path}.Groups`, {
      resource: e.id, from: `network interface ${e.id}`, what: `security group ${g}`, consequence: 'it is left out of the interface',
    });
    return false;
  });
  // AWS gives every interface at least one security group; when the snapshot holds none of
  // this one's, the VPC's default group applies with a warning, as for instances: never none
  // (`securityGroups: []` is NO_SECURITY_GROUP).
  if (sgs.length > 0) value.securityGroups = sgs;
  else if (e.groups.length > 0) defaultGroupWarning(ctx, e.id, e.src, `network interface ${e.id}`, e.groups);
  if (e.sourceDestCheck === false) value.sourceDestCheck = false;
  const type = interfaceTypeOf(e);
  if (type !== 'interface') value.type = type;
  if (e.description !== undefined && e.description !== '') value.description = e.description;
  if (instance !== undefined) value.instance = instance;
  // Attachment.DeviceIndex: the interface's position on the instance (0 is the primary).
  if (instance !== undefined && e.deviceIndex !== undefined && e.deviceIndex > 0) value.deviceIndex = e.deviceIndex;
  const notes = e.requesterManaged === true ? [`requester-managed${e.requesterId !== undefined ? ` (requester ${e.requesterId})` : ''}`] : [];
  const lost = e.ipv6.slice(1);
  if (lost.length > 0 || (ipv6 !== undefined && subnet.value.ipv6Cidr === undefined)) {
    ctx.problems.warn('FIELD_DROPPED', e.id, e.src.file, `${e.src.path}.Ipv6Addresses`,
      `network interface ${e.id}: format v1 holds one IPv6 address per interface${subnet.value.ipv6Cidr === undefined ? ' in a subnet with an IPv6 block' : ''}, so ${(subnet.value.ipv6Cidr === undefined ? e.ipv6 : lost).join(', ')} ${lost.length === 1 ? 'is' : 'are'} left out`);
  }
  vpc.networkInterfaces.set(e.id, emitted(value, e.src.file, notes, e.src.name));
  return true;
}

/** Whether another mapper owns the interface (an instance, NAT gateway, endpoint or load balancer of the snapshot). */
function ownedElsewhere(ctx: ImportContext, e: EniRec): boolean {
  const s = ctx.snapshot;
  if (e.instanceId !== undefined) return true;
  const desc = e.description ?? '';
  const type = e.type ?? 'interface';
  if (type === 'nat_gateway' && s.natGateways.some((n) => desc.includes(n.id) || n.addresses.some((a) => a.eniId === e.id))) return true;
  if (s.endpoints.some((x) => x.eniIds.includes(e.id))) return true;
  if (desc.startsWith('ELB ') && s.loadBalancers.some((lb) => lb.arn.endsWith(`/${desc.slice(4)}`) || lb.name === desc.slice(4))) return true;
  if (desc.startsWith('ELB ') && s.unmodelled.some((u) => u.kind === 'Classic Load Balancer' && u.id === desc.slice(4))) return true;
  // Transit gateway attachments are not modelled; their interfaces are named with them.
  if (type === 'transit_gateway') return true;
  return false;
}

/** Emit every interface no other mapper took, in a VPC of the snapshot (after endpoints and load balancers). */
export function mapNetworkInterfaces(ctx: ImportContext): void {
  const seen = new Set<string>();
  for (const e of [...ctx.snapshot.enis].sort((a, b) => cmp(a.id, b.id))) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    if (ownedElsewhere(ctx, e) || (e.status ?? 'in-use') === 'deleting') continue;
    // describe-network-interfaces always gives VpcId; a trimmed record is placed by its subnet.
    const vpc = e.vpcId !== undefined ? ctx.out.vpcs.get(e.vpcId) : [...ctx.out.vpcs.values()].find((v) => e.subnetId !== undefined && v.subnets.has(e.subnetId));
    if (!vpc) continue; // named by warnUnmodelled (OUTSIDE_SNAPSHOT)
    emitInterface(ctx, vpc, e, undefined);
  }
}
