// The gateway endpoint handler alone ("Gateway endpoints", AWS PrivateLink guide): TCP to its
// service, from its own VPC only.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { gatewayEndpoint } from '../../../src/engine/walk/gateway-endpoint.js';
import { envOf, eniOf, hopIdsOf, NO_CARRY, packetOf, stopCodes } from './walk-env.js';

const t = loadTopologyFile('test/engine/fixtures/fabric.yaml').topology!;
const ip = (id: string) => formatIp(eniOf(t, id).privateIp);
const endpoint = t.endpoints.get('vpce-s3-a')!;
const at = (src: string, protocol = 6) => ({ kind: 'gatewayEndpoint' as const, endpoint, origin: eniOf(t, 'app'), fromSubnet: 'a-private', packet: packetOf(src, '52.216.0.5', 443, protocol), carry: NO_CARRY });

describe('gatewayEndpoint', () => {
  it('delivers TCP from its own VPC to the service', () => {
    const s = gatewayEndpoint(envOf(t), at(ip('app')));
    expect(s.next.kind === 'stop' && s.next.verdict).toBe('delivered');
    if (s.next.kind !== 'stop' || s.next.verdict !== 'delivered') return;
    expect(s.next.delivery.kind).toBe('awsService');
    expect(s.next.delivery.kind === 'awsService' && s.next.delivery.via).toBe('gatewayEndpoint');
    expect(hopIdsOf(s)).toEqual(['vpc-a/default-acl', 'vpce-s3-a', s.hops.at(-1)!.component.id]);
    expect(s.hops.at(-1)!.component.kind).toBe('awsService');
  });

  it('carries TCP only (VPCE_GATEWAY_PROTOCOL_RESTRICTION)', () => {
    expect(stopCodes(gatewayEndpoint(envOf(t), at(ip('app'), 17)))).toEqual(['VPCE_GATEWAY_PROTOCOL_RESTRICTION']);
  });

  it('serves no source outside its VPC, such as a peer\'s relayed traffic (VPCE_INTRA_VPC_TRAFFIC)', () => {
    const s = gatewayEndpoint(envOf(t), at(ip('b-host')));
    expect(stopCodes(s)).toEqual(['VPCE_INTRA_VPC_TRAFFIC']);
    expect(hopIdsOf(s)).toEqual(['vpce-s3-a']);
  });
});
