// How each kind of hop shows in a sequence diagram: as a participant (something the
// packet travels to) with a name for its lifeline, or as a note on the participant the
// packet is at (a filter or a decision made there).
import type { Component, ComponentKind } from '../engine/trace.js';

/** A hop's role in a sequence diagram. */
export type SequenceRole = { readonly kind: 'participant'; readonly name: string; readonly what: string | undefined } | { readonly kind: 'note' };

const NOTE: SequenceRole = { kind: 'note' };

function place(name: string, what?: string): SequenceRole {
  return { kind: 'participant', name, what };
}

/** The role of a hop at this component. */
export function sequenceRole(c: Component): SequenceRole {
  const kind: ComponentKind = c.kind;
  switch (kind) {
    case 'dns':
      return place('DNS', 'Route 53 Resolver');
    case 'instance':
      return place(c.id, 'instance');
    case 'networkInterface':
      return place(c.id, 'network interface');
    case 'natGateway':
      return place(c.id, 'NAT gateway');
    case 'endpointEni':
      return place(c.id, 'endpoint interface');
    case 'endpoint':
      return place(c.id, 'endpoint');
    case 'endpointService':
      return place(c.id, 'PrivateLink endpoint service');
    case 'loadBalancerNode':
      return place(c.id, 'load balancer node');
    case 'internetGateway':
      return place(c.id, 'internet gateway');
    case 'egressOnlyInternetGateway':
      return place(c.id, 'egress-only internet gateway');
    case 'peeringConnection':
      return place(c.id, 'VPC peering');
    case 'awsService':
      return place(c.id, 'AWS service');
    case 'internet':
      return place('the internet');
    case 'internetHost':
      return place(c.id, 'internet host');
    case 'vpc':
      return place(c.id, 'VPC');
    case 'unmodelled':
      return place(c.id, 'not modelled');
    case 'virtualPrivateGateway':
      return place(c.id, 'virtual private gateway');
    case 'vpnConnection':
      return place(c.id, 'site-to-site VPN');
    case 'directConnectGateway':
      return place(c.id, 'Direct Connect gateway');
    case 'onPremisesNetwork':
      return place(c.id, 'on-premises network');
    case 'onPremisesHost':
      return place(c.id, 'on-premises host');
    case 'transitGateway':
    case 'transitGatewayAttachment':
      return place(c.id, 'transit gateway');
    case 'transitGatewayRouteTable':
      return NOTE;
    case 'networkAcl':
    case 'securityGroup':
    case 'routeTable':
    case 'targetGroup':
      return NOTE;
    default: {
      const never: never = kind;
      throw new Error(`unknown component kind ${String(never)}`);
    }
  }
}
