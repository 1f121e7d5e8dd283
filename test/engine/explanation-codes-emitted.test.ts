// Every explanation code is emitted by the engine: for each code, a flow of a bundled
// scenario or test fixture (or, where no realistic file reaches it, one handler called alone)
// whose trace carries it. The table is typed by the closed list, so a new code without a
// witness, or a witness for a removed code, does not compile.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../src/net/ip.js';
import { loadTopologyFile } from '../../src/model/load-topology.js';
import type { Topology } from '../../src/model/topology.js';
import { EXPLANATION_CODES, type ExplanationCode } from '../../src/engine/explanation-codes.js';
import type { FlowQuery } from '../../src/engine/query.js';
import { isQueryError, traceFlow } from '../../src/engine/trace-flow.js';
import { engineContext } from '../../src/engine/compile/engine-context.js';
import { HOP_LIMIT, newWalkRun, runWalk } from '../../src/engine/walk/walk-loop.js';
import { gatewayEndpoint } from '../../src/engine/walk/gateway-endpoint.js';
import { natGateway } from '../../src/engine/walk/nat-gateway.js';
import { fromInternet } from '../../src/engine/walk/internet.js';
import { topologyOf } from '../helpers/load.js';
import { envOf, eniOf, NO_CARRY, packetOf, stopCodes } from './walk/walk-env.js';

const files = new Map<string, Topology>();
function file(path: string): Topology {
  let t = files.get(path);
  if (!t) {
    t = loadTopologyFile(path).topology!;
    files.set(path, t);
  }
  return t;
}

/** The codes of every trace of a flow, in a file or in a file with one edit. */
function flow(path: string, query: FlowQuery, edit?: readonly [string, string]): () => string[] {
  return () => {
    const t = edit ? topologyOf(readFileSync(path, 'utf8').replace(edit[0], edit[1])) : file(path);
    if (edit) expect(readFileSync(path, 'utf8')).toContain(edit[0]);
    const r = traceFlow(t, query);
    if (isQueryError(r)) throw new Error(r.message);
    return r.traces.flatMap((t) => t.explanations.map((e) => e.code));
  };
}

const FABRIC = 'test/engine/fixtures/fabric.yaml';
const TGW = 'test/engine/fixtures/transit-gateway.yaml';
const fabricIp = (id: string) => formatIp(eniOf(file(FABRIC), id).privateIp);

const WITNESSES: Record<ExplanationCode, () => string[]> = {
  NO_ROUTE_TO_DESTINATION: flow('scenarios/privatelink-endpoint-service.yaml', { from: 'api-1', to: 'client', protocol: 'all', port: undefined }),
  ENI_SG_RULES_MISMATCH: flow('scenarios/nlb-zone-health.yaml', { from: 'api-a', to: 'api-b', protocol: 'all', port: undefined }),
  SUBNET_ACL_RESTRICTION: flow('scenarios/ipv6-egress.yaml', { from: 'scanner', to: '2600:1f18:bb00:1::10', protocol: 'tcp', port: 443 }),
  BAD_STATE: flow('scenarios/endpoint-pending-and-rejected.yaml', { from: 'analyst', to: 'vpce-reports-pending', protocol: 'tcp', port: 443 }),
  // The GWLB endpoint moved to a zone the GWLB does not serve.
  VPCE_SERVICE_NOT_INSTALLED_IN_AZ: flow('scenarios/gwlb-inspection.yaml', { from: 'web', to: 'www.example.com', protocol: 'tcp', port: 443 },
    ['inspection-a: { az: use1-az1, cidr: 10.0.0.0/28', 'inspection-a: { az: use1-az2, cidr: 10.0.0.0/28']),
  ELBV2_LISTENER_PORT_RESTRICTION: flow('scenarios/nlb-zone-health.yaml', { from: 'api-a', to: 'nlb-api/lb-a', protocol: 'all', port: undefined }),
  ELBV2_NO_TARGETS_IN_AZ: flow('scenarios/nlb-zone-health.yaml', { from: 'api-a', to: 'nlb-down/lb-a', protocol: 'tcp', port: 443 }),
  ELB_NOT_CROSSZONE: flow('scenarios/nlb-zone-health.yaml', { from: 'api-a', to: 'nlb-api/lb-b', protocol: 'tcp', port: 443 }),
  IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS: flow('scenarios/nat-gateway-egress.yaml', { from: 'no-public-ip', to: 'updates', protocol: 'all', port: undefined }),
  // No file routes another VPC's traffic into a NAT gateway: the handler alone.
  NGW_REQUIRES_SOURCE_IN_VPC: () => {
    const t = file(FABRIC);
    return stopCodes(natGateway(envOf(t), { kind: 'natGateway', nat: t.natGateways.get('nat-a')!, fromSubnet: 'a-private', packet: packetOf(fabricIp('b-host'), '198.51.100.7'), carry: NO_CARRY })) ?? [];
  },
  PCX_REQUIRES_ADDRESS_IN_VPC_CIDR: flow('scenarios/peering-not-transitive.yaml', { from: 'host-a', to: 'host-c', protocol: 'all', port: undefined }),
  VPCE_GATEWAY_PROTOCOL_RESTRICTION: flow(FABRIC, { from: 'app', to: '54.231.0.5', protocol: 'udp', port: 53 }),
  // Peering carries nothing for an AWS service's addresses, so no file reaches it: the handler alone.
  VPCE_INTRA_VPC_TRAFFIC: () => {
    const t = file(FABRIC);
    return stopCodes(gatewayEndpoint(envOf(t), { kind: 'gatewayEndpoint', endpoint: t.endpoints.get('vpce-s3-a')!, origin: eniOf(t, 'app'), fromSubnet: 'a-private', packet: packetOf(fabricIp('b-host'), '52.216.0.5'), carry: NO_CARRY })) ?? [];
  },
  CANNOT_ROUTE: flow('scenarios/appliances-and-nat-instances.yaml', { from: 'legacy', to: 'partner', protocol: 'tcp', port: 443 }),
  UNKNOWN_DESTINATION: flow('scenarios/dns-options.yaml', { from: 'ops', to: 'etl', protocol: 'all', port: undefined }),
  PROTOCOL_RESTRICTION: flow('scenarios/udp-and-icmp.yaml', { from: 'consumer', to: 'kms.us-east-1.amazonaws.com', protocol: 'udp', port: 53 }),
  NO_PATH: flow('scenarios/nlb-zone-health.yaml', { from: 'api-a', to: 'nlb-api/lb-a', protocol: 'tcp', port: 443 }),
  IGW_NOT_ATTACHED: () => {
    const t = topologyOf('version: 1\nname: no gateway\nregion: us-east-1\nvpcs:\n  vpc-x:\n    cidr: 10.9.0.0/16\n    subnets:\n      x-1: { az: use1-az1, cidr: 10.9.0.0/24 }\n    instances:\n      lonely: { subnet: x-1, publicIp: 203.0.113.99 }\n');
    return stopCodes(fromInternet(envOf(t), { kind: 'fromInternet', packet: packetOf('198.51.100.7', '203.0.113.99'), carry: NO_CARRY })) ?? [];
  },
  NO_INBOUND_THROUGH_NAT: flow('scenarios/nat-gateway-egress.yaml', { from: 'updates', to: '203.0.113.50', protocol: 'tcp', port: 22 }),
  DENY_ALL_IGW_TRAFFIC: flow('scenarios/endpoint-ipv6.yaml', { from: 'visitor', to: '2600:1f18:cc00:1::50', protocol: 'tcp', port: 443 }),
  NO_INBOUND_THROUGH_EGRESS_ONLY_IGW: flow('scenarios/ipv6-egress.yaml', { from: 'visitor', to: '2600:1f18:aa00:1::10', protocol: 'tcp', port: 443 }),
  NOT_ADDRESSABLE_FROM_INTERNET: flow('scenarios/appliances-and-nat-instances.yaml', { from: 'partner', to: 'app', protocol: 'all', port: undefined }),
  ROUTING_LOOP: flow(FABRIC, { from: 'g-host', to: 'example', protocol: 'tcp', port: 443 }),
  // A walk longer than the limit without a repeated route table: the walk loop's own test
  // (test/engine/walk/walk-loop.test.ts) builds one; here the same, through the public loop.
  HOP_LIMIT: () => hopLimitCodes(),
  DNS_NAME_NOT_RESOLVED: flow('scenarios/interface-endpoint-kms.yaml', { from: 'app', to: 'vpce-kms-use1-az9.kms.us-east-1.vpce.amazonaws.com', protocol: 'tcp', port: 443 }),
  // The S3 endpoint with a policy that denies deletes.
  ENDPOINT_POLICY_DENY: flow('scenarios/s3-gateway-endpoint.yaml', { from: 'app-endpoint', to: '52.216.237.77', protocol: 'tcp', port: 443, principal: 'arn:aws:iam::111111111111:role/app', action: 's3:DeleteObject', resource: 'arn:aws:s3:::reports/q1.csv' },
    ['        routeTables: [rtb-endpoint]', '        routeTables: [rtb-endpoint]\n        policy:\n          Statement:\n            - { Effect: Deny, Principal: "*", Action: "s3:Delete*", Resource: "*" }']),
  PRINCIPAL_NOT_ALLOWED: flow('test/engine/fixtures/privatelink.yaml', { from: 'client', to: 'vpce-closed', protocol: 'tcp', port: 443 }),
  PRIVATELINK_ONE_WAY: flow('scenarios/privatelink-endpoint-service.yaml', { from: 'api-1', to: 'client', protocol: 'all', port: undefined }),
  DNS_ANSWER_UNMODELLED: flow('test/engine/fixtures/shared-dns.yaml', { from: 'app', to: 'www.partner.example.com', protocol: 'tcp', port: 443 }),
  UNMODELLED_TARGET: flow('scenarios/unmodelled-route-targets.yaml', { from: 'phone-backend', to: '198.51.100.20', protocol: 'tcp', port: 443 }),
  BAD_STATE_ATTACHMENT: flow(TGW, { from: 'new-app', to: 'shared-svc', protocol: 'tcp', port: 443 }),
  TGW_ATTACH_NOT_FOUND: flow(TGW, { from: 'lone-app', to: 'shared-svc', protocol: 'tcp', port: 443 }),
  TGW_ROUTE_AZ_RESTRICTION: flow(TGW, { from: 'prod-app-b', to: 'shared-svc', protocol: 'tcp', port: 443 }),
  TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION: flow(TGW, { from: 'lab-app', to: 'shared-svc', protocol: 'tcp', port: 443 }),
  TGW_RTB_CANNOT_ROUTE: flow('scenarios/tgw-hub-and-spoke.yaml', { from: 'prod-app', to: 'dev-app', protocol: 'tcp', port: 443 }),
  TGW_RTB_BAD_STATE_ROUTE: flow(TGW, { from: 'prod-app', to: '10.9.0.5', protocol: 'tcp', port: 443 }),
  ASYMMETRIC_APPLIANCE_PATH: flow('scenarios/tgw-inspection-appliance-mode.yaml', { from: 'client-off', to: 'server-off', protocol: 'tcp', port: 443 }),
  TARGET_NOT_MODELLED: flow('scenarios/application-load-balancer.yaml', { from: 'customer', to: 'web-alb', protocol: 'tcp', port: 8081 }),
  BAD_STATE_VPN: flow('test/engine/fixtures/hybrid.yaml', { from: 'down-host', to: 'hub-app', protocol: 'tcp', port: 22 }),
  VGW_REQUIRES_ADDRESS_IN_VPC_CIDR: flow('test/engine/fixtures/hybrid.yaml', { from: 'bgp-host', to: 'peer-app', protocol: 'tcp', port: 22 }),
};

function hopLimitCodes(): string[] {
  const t = file(FABRIC);
  const app = eniOf(t, 'app');
  const run = newWalkRun(false);
  const filler = { component: { id: 'x', kind: 'vpc' as const }, action: 'forwarded' as const, detail: '', location: undefined, packet: { src: '', dst: '', protocol: 'tcp', srcPort: undefined, dstPort: undefined } };
  for (let i = 0; i <= HOP_LIMIT; i++) run.hops.push(filler);
  const end = runWalk(engineContext(t), undefined, run, { kind: 'routeFromSubnet', subnet: 'a-private', origin: app, packet: packetOf(fabricIp('app'), '198.51.100.7'), carry: NO_CARRY }, () => undefined);
  return end.verdict === 'dropped' ? end.explanations.map((e) => e.code) : [];
}

describe('every explanation code is emitted', () => {
  it('the witnesses cover exactly the closed list', () => {
    expect(Object.keys(WITNESSES).sort()).toEqual(Object.keys(EXPLANATION_CODES).sort());
  });
  for (const [code, witness] of Object.entries(WITNESSES)) {
    it(code, () => {
      expect(witness()).toContain(code);
    });
  }
});
