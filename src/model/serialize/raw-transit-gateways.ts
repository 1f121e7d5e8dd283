// Transit gateways back to the raw format: options that differ from AWS's defaults, the
// attachments and route tables in file order, and only the written routes (propagated ones
// come back from `propagations` when the file is loaded again).
import { formatPrefix } from '../../net/prefix.js';
import type { RawTgwAttachment, RawTransitGateway } from '../format.js';
import type { TransitGateway, TransitGatewayAttachment } from '../resources.js';
import type { Topology } from '../topology.js';
import { DEFAULT_TGW_ASN } from '../build/build-transit-gateways.js';
import { defined, inSourceOrder } from './source-order.js';

function attachmentToRaw(a: TransitGatewayAttachment): RawTgwAttachment {
  const state = a.state === 'available' ? undefined : a.state;
  switch (a.type) {
    case 'vpc':
      return defined({
        type: a.type, state, vpc: a.vpc, subnets: [...a.subnets],
        applianceMode: a.applianceMode ? true : undefined,
        securityGroupReferencingSupport: a.securityGroupReferencingSupport ? undefined : false,
      });
    case 'peering':
      return defined({ type: a.type, state, peer: a.peer });
    default: {
      const never: never = a;
      return never;
    }
  }
}

function gatewayToRaw(t: Topology, g: TransitGateway, account: string | undefined): RawTransitGateway {
  const options = defined({
    defaultRouteTableAssociation: g.defaultRouteTableAssociation ? undefined : false,
    associationDefaultRouteTable: g.associationDefaultRouteTable,
    defaultRouteTablePropagation: g.defaultRouteTablePropagation ? undefined : false,
    propagationDefaultRouteTable: g.propagationDefaultRouteTable,
    dnsSupport: g.dnsSupport ? undefined : false,
    securityGroupReferencingSupport: g.securityGroupReferencingSupport ? true : undefined,
  });
  const attachments = inSourceOrder(g.attachments.map((id) => t.transitGatewayAttachments.get(id)!));
  const tables = inSourceOrder(g.routeTables.map((id) => t.transitGatewayRouteTables.get(id)!));
  return defined({
    account,
    region: g.region === t.region ? undefined : g.region,
    asn: g.asn === DEFAULT_TGW_ASN ? undefined : g.asn,
    options: Object.keys(options).length > 0 ? options : undefined,
    attachments: attachments.length > 0 ? Object.fromEntries(attachments.map((a) => [a.id, attachmentToRaw(a)])) : undefined,
    routeTables: tables.length > 0 ? Object.fromEntries(tables.map((rt) => {
      const routes = rt.routes.filter((r) => r.origin !== 'propagated').map((r) => defined({
        destination: r.destination.kind === 'cidr' ? formatPrefix(r.destination.prefix) : r.destination.prefixList,
        attachment: r.target.kind === 'attachment' ? r.target.attachment : undefined,
        blackhole: r.target.kind === 'blackhole' ? (true as const) : undefined,
      }));
      return [rt.id, defined({
        associations: rt.associations.length > 0 ? [...rt.associations] : undefined,
        propagations: rt.propagations.length > 0 ? [...rt.propagations] : undefined,
        routes: routes.length > 0 ? routes : undefined,
      })];
    })) : undefined,
  });
}

/** The `transitGateways:` map of a topology, or undefined when it has none. */
export function transitGatewaysToRaw(t: Topology, accountName: (id: string | undefined) => string | undefined): Record<string, RawTransitGateway> | undefined {
  const gws = inSourceOrder(t.transitGateways.values());
  return gws.length > 0 ? Object.fromEntries(gws.map((g) => [g.id, gatewayToRaw(t, g, accountName(g.accountId))])) : undefined;
}
