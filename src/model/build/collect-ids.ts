// First pass: every id declared anywhere in the file, with its kind and VPC. An id used
// twice is a DUPLICATE_ID at the second declaration (ids are unique across the file).
import type { RawTopology } from '../format.js';
import type { ResourceKind } from '../resources.js';
import { pointer } from '../source-map.js';
import { KIND_NAMES, report, type BuildContext } from './context.js';

/** The VPC-level maps and the kind each one declares. */
export const VPC_MAPS = [
  ['subnets', 'subnet'],
  ['routeTables', 'routeTable'],
  ['natGateways', 'natGateway'],
  ['securityGroups', 'securityGroup'],
  ['networkAcls', 'networkAcl'],
  ['instances', 'instance'],
  ['networkInterfaces', 'networkInterface'],
  ['loadBalancers', 'loadBalancer'],
  ['targetGroups', 'targetGroup'],
  ['endpointServices', 'endpointService'],
  ['endpoints', 'endpoint'],
] as const satisfies readonly (readonly [string, ResourceKind])[];

/** Ids of the resources AWS creates in every VPC. */
export function implicitIds(vpc: string): { main: string; defaultSg: string; defaultAcl: string } {
  return { main: `${vpc}/main`, defaultSg: `${vpc}/default-sg`, defaultAcl: `${vpc}/default-acl` };
}

function declare(ctx: BuildContext, id: string, kind: ResourceKind, ptr: string, vpc: string | undefined): void {
  const previous = ctx.ids.get(id);
  if (previous) {
    const where = ctx.map.keyAt(previous.pointer);
    report(
      ctx,
      'DUPLICATE_ID',
      `id "${id}" is already used by a ${KIND_NAMES[previous.kind]} at line ${where.line}; ids are unique across the file`,
      ptr,
      'key',
    );
    return;
  }
  ctx.ids.set(id, { kind, pointer: ptr, vpc });
}

/** Register every declared id. */
export function collectIds(ctx: BuildContext, raw: RawTopology): void {
  for (const name of Object.keys(raw.accounts ?? {})) declare(ctx, name, 'account', pointer('accounts', name), undefined);
  for (const [vpcId, vpc] of Object.entries(raw.vpcs ?? {})) {
    declare(ctx, vpcId, 'vpc', pointer('vpcs', vpcId), undefined);
    const implicit = implicitIds(vpcId);
    ctx.ids.set(implicit.defaultSg, { kind: 'securityGroup', pointer: pointer('vpcs', vpcId), vpc: vpcId });
    ctx.ids.set(implicit.defaultAcl, { kind: 'networkAcl', pointer: pointer('vpcs', vpcId), vpc: vpcId });
    if (!Object.values(vpc.routeTables ?? {}).some((t) => t.main === true)) {
      ctx.ids.set(implicit.main, { kind: 'routeTable', pointer: pointer('vpcs', vpcId), vpc: vpcId });
    }
    if (vpc.internetGateway !== undefined) {
      declare(ctx, vpc.internetGateway, 'internetGateway', pointer('vpcs', vpcId, 'internetGateway'), vpcId);
    }
    if (vpc.egressOnlyInternetGateway !== undefined) {
      declare(ctx, vpc.egressOnlyInternetGateway, 'egressOnlyInternetGateway', pointer('vpcs', vpcId, 'egressOnlyInternetGateway'), vpcId);
    }
    for (const [field, kind] of VPC_MAPS) {
      for (const id of Object.keys(vpc[field] ?? {})) declare(ctx, id, kind, pointer('vpcs', vpcId, field, id), vpcId);
    }
  }
  for (const id of Object.keys(raw.peeringConnections ?? {})) {
    declare(ctx, id, 'peeringConnection', pointer('peeringConnections', id), undefined);
  }
  for (const [tgwId, tgw] of Object.entries(raw.transitGateways ?? {})) {
    declare(ctx, tgwId, 'transitGateway', pointer('transitGateways', tgwId), undefined);
    for (const id of Object.keys(tgw.attachments ?? {})) declare(ctx, id, 'transitGatewayAttachment', pointer('transitGateways', tgwId, 'attachments', id), undefined);
    for (const id of Object.keys(tgw.routeTables ?? {})) declare(ctx, id, 'transitGatewayRouteTable', pointer('transitGateways', tgwId, 'routeTables', id), undefined);
  }
  for (const id of Object.keys(raw.prefixLists ?? {})) declare(ctx, id, 'prefixList', pointer('prefixLists', id), undefined);
  for (const id of Object.keys(raw.internet ?? {})) declare(ctx, id, 'internetHost', pointer('internet', id), undefined);
  for (const id of Object.keys(raw.unmodelled ?? {})) declare(ctx, id, 'unmodelled', pointer('unmodelled', id), undefined);
  // A virtual private gateway belongs to the VPC it is attached to: routes of other VPCs cannot name it.
  for (const [id, g] of Object.entries(raw.virtualPrivateGateways ?? {})) declare(ctx, id, 'virtualPrivateGateway', pointer('virtualPrivateGateways', id), g.vpc);
  for (const id of Object.keys(raw.customerGateways ?? {})) declare(ctx, id, 'customerGateway', pointer('customerGateways', id), undefined);
  for (const id of Object.keys(raw.vpnConnections ?? {})) declare(ctx, id, 'vpnConnection', pointer('vpnConnections', id), undefined);
  for (const id of Object.keys(raw.directConnectGateways ?? {})) declare(ctx, id, 'directConnectGateway', pointer('directConnectGateways', id), undefined);
  for (const [id, n] of Object.entries(raw.onPremises ?? {})) {
    declare(ctx, id, 'onPremisesNetwork', pointer('onPremises', id), undefined);
    for (const h of Object.keys(n.hosts ?? {})) declare(ctx, h, 'onPremisesHost', pointer('onPremises', id, 'hosts', h), undefined);
  }
  for (const id of Object.keys(raw.hostedZones ?? {})) declare(ctx, id, 'hostedZone', pointer('hostedZones', id), undefined);
  for (const [id, e] of Object.entries(raw.resolverEndpoints ?? {})) declare(ctx, id, 'resolverEndpoint', pointer('resolverEndpoints', id), e.vpc);
  for (const id of Object.keys(raw.resolverRules ?? {})) declare(ctx, id, 'resolverRule', pointer('resolverRules', id), undefined);
  for (const id of Object.keys(raw.dnsServers ?? {})) declare(ctx, id, 'dnsServer', pointer('dnsServers', id), undefined);
}
