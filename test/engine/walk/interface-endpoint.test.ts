// The interface endpoint handler alone ("Access an AWS service using an interface VPC
// endpoint"): the endpoint's security groups, then the service over PrivateLink, TCP only.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { endpointEni } from '../../../src/engine/walk/interface-endpoint.js';
import { topologyOf } from '../../helpers/load.js';
import { envOf, eniOf, hopIdsOf, NO_CARRY, packetOf, stopCodes } from './walk-env.js';

const t = loadTopologyFile('scenarios/interface-endpoint-kms.yaml').topology!;
const ep = t.endpoints.get('vpce-kms')!;
const eni = eniOf(t, ep.enis[0]!);
const app = eniOf(t, 'app');
const at = (protocol: number, reply = false) => endpointEni(envOf(t, reply), { kind: 'endpointEni', eni, packet: packetOf(formatIp(app.privateIp), formatIp(eni.privateIp), 443, protocol), sender: app, carry: NO_CARRY });

describe('endpointEni', () => {
  it('hands TCP its security groups allow to the AWS service', () => {
    const s = at(6);
    expect(hopIdsOf(s)[0]).toBe('sg-vpce-kms');
    expect(s.next.kind === 'stop' && s.next.verdict === 'delivered' && s.next.delivery).toMatchObject({ kind: 'awsService', via: 'interfaceEndpoint' });
  });

  it('stops what its security groups do not allow (ENI_SG_RULES_MISMATCH)', () => {
    expect(stopCodes(at(17))).toEqual(['ENI_SG_RULES_MISMATCH']);
  });

  it('carries TCP only, even where its security groups allow more (PROTOCOL_RESTRICTION)', () => {
    const open = topologyOf(readFileSync('scenarios/interface-endpoint-kms.yaml', 'utf8').replace('{ protocol: tcp, ports: 443, cidr: 10.0.0.0/16, description: HTTPS from the VPC }', '{ protocol: all, cidr: 10.0.0.0/16 }'));
    const oeni = eniOf(open, ep.enis[0]!);
    const s = endpointEni(envOf(open), { kind: 'endpointEni', eni: oeni, packet: packetOf(formatIp(app.privateIp), formatIp(oeni.privateIp), 53, 17), sender: eniOf(open, 'app'), carry: NO_CARRY });
    expect(stopCodes(s)).toEqual(['PROTOCOL_RESTRICTION']);
  });

  it('receives a reply as an interface', () => {
    const s = at(6, true);
    expect(s.next.kind === 'stop' && s.next.verdict === 'delivered' && s.next.delivery.kind).toBe('eni');
  });
});
