// A generated estate for the benchmark: a hub VPC peered with 99 spokes, 100 instances
// per VPC, NAT and internet gateways, S3 gateway endpoints, security groups and network
// ACLs with a realistic number of rules, and a deterministic mix of flows over it.
import type { FlowQuery } from '../src/engine/query.js';

/** A small deterministic generator (LCG), so every run benches the same flows. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

/** The estate as format-v1 data, with `vpcCount` VPCs of `instancesPerVpc` instances. */
export function generateEstate(vpcCount: number, instancesPerVpc: number): object {
  const vpcs: Record<string, object> = {};
  const peeringConnections: Record<string, object> = {};
  for (let v = 0; v < vpcCount; v++) {
    const id = `vpc-${v}`;
    const cidr = `10.${v}.0.0/16`;
    const isHub = v === 0;
    const peerRoutes = isHub
      ? Array.from({ length: vpcCount - 1 }, (_, i) => ({ destination: `10.${i + 1}.0.0/16`, target: `pcx-${i + 1}` }))
      : [{ destination: '10.0.0.0/16', target: `pcx-${v}` }];
    if (!isHub) peeringConnections[`pcx-${v}`] = { requester: 'vpc-0', accepter: id };
    const subnets: Record<string, object> = { [`pub-${v}`]: { az: 'use1-az1', cidr: `10.${v}.240.0/24`, routeTable: `rtb-pub-${v}` } };
    const instances: Record<string, object> = {};
    const perSubnet = Math.ceil(instancesPerVpc / 4);
    for (let s = 0; s < 4; s++) {
      subnets[`priv-${v}-${s}`] = { az: s % 2 === 0 ? 'use1-az1' : 'use1-az2', cidr: `10.${v}.${s * 16}.0/20`, routeTable: `rtb-priv-${v}`, networkAcl: `acl-${v}` };
      for (let i = 0; i < perSubnet && s * perSubnet + i < instancesPerVpc; i++) {
        instances[`i-${v}-${s * perSubnet + i}`] = { subnet: `priv-${v}-${s}`, securityGroups: [i % 10 === 0 ? `sg-bastion-${v}` : `sg-app-${v}`] };
      }
    }
    vpcs[id] = {
      cidr,
      internetGateway: `igw-${v}`,
      subnets,
      routeTables: {
        [`rtb-pub-${v}`]: { routes: [{ destination: '0.0.0.0/0', target: `igw-${v}` }] },
        [`rtb-priv-${v}`]: {
          routes: [
            { destination: '0.0.0.0/0', target: `nat-${v}` },
            ...peerRoutes,
            ...Array.from({ length: 8 }, (_, k) => ({ destination: `172.${16 + k}.0.0/16`, target: 'blackhole' })),
          ],
        },
      },
      natGateways: { [`nat-${v}`]: { subnet: `pub-${v}` } },
      securityGroups: {
        [`sg-app-${v}`]: {
          ingress: [
            { protocol: 'tcp', ports: 22, securityGroup: `sg-bastion-${v}` },
            { protocol: 'tcp', ports: 8080, cidr: '192.168.0.0/16' },
            { protocol: 'udp', ports: 53, cidr: cidr },
            { protocol: 'tcp', ports: 5432, cidr: '10.200.0.0/16' },
            { protocol: 'icmp', cidr: '10.0.0.0/8' },
            { protocol: 'tcp', ports: 443, cidr: '10.0.0.0/8' },
          ],
          egress: [
            { protocol: 'tcp', ports: 443, prefixList: 'com.amazonaws.us-east-1.s3' },
            { protocol: 'tcp', ports: 5432, cidr: '10.200.0.0/16' },
            { protocol: 'udp', ports: 53, cidr: '0.0.0.0/0' },
            { protocol: 'tcp', ports: 443, cidr: '0.0.0.0/0' },
          ],
        },
        [`sg-bastion-${v}`]: {},
      },
      networkAcls: {
        [`acl-${v}`]: {
          ingress: [
            { rule: 50, action: 'deny', protocol: 'tcp', ports: 23, cidr: '0.0.0.0/0' },
            { rule: 60, action: 'deny', protocol: 'all', cidr: '192.0.2.0/24' },
            { rule: 100, action: 'allow', protocol: 'tcp', ports: 443, cidr: '10.0.0.0/8' },
            { rule: 110, action: 'allow', protocol: 'tcp', ports: 22, cidr: '10.0.0.0/8' },
            { rule: 200, action: 'allow', protocol: 'tcp', ports: '1024-65535', cidr: '0.0.0.0/0' },
            { rule: 300, action: 'allow', protocol: 'icmp', cidr: '10.0.0.0/8' },
          ],
          egress: [
            { rule: 50, action: 'deny', protocol: 'tcp', ports: 23, cidr: '0.0.0.0/0' },
            { rule: 100, action: 'allow', protocol: 'tcp', ports: 443, cidr: '0.0.0.0/0' },
            { rule: 110, action: 'allow', protocol: 'tcp', ports: 22, cidr: '10.0.0.0/8' },
            { rule: 200, action: 'allow', protocol: 'tcp', ports: '1024-65535', cidr: '10.0.0.0/8' },
          ],
        },
      },
      instances,
      endpoints: { [`vpce-s3-${v}`]: { type: 'gateway', service: 'com.amazonaws.us-east-1.s3', routeTables: [`rtb-priv-${v}`] } },
    };
  }
  return { version: 1, name: 'benchmark estate', region: 'us-east-1', vpcs, peeringConnections, internet: { web: { ip: '198.51.100.7' } } };
}

/** A deterministic mix of flows: within a VPC, spoke to hub over peering, out through NAT, to S3. */
export function generateFlows(count: number, vpcCount: number, instancesPerVpc: number): FlowQuery[] {
  const rnd = lcg(42);
  const pick = (n: number): number => Math.floor(rnd() * n);
  const flows: FlowQuery[] = [];
  for (let i = 0; i < count; i++) {
    const v = 1 + pick(vpcCount - 1);
    const from = `i-${v}-${pick(instancesPerVpc)}`;
    switch (i % 4) {
      case 0: flows.push({ from, to: `i-${v}-${pick(instancesPerVpc)}`, protocol: 'tcp', port: 443 }); break;
      case 1: flows.push({ from, to: `i-0-${pick(instancesPerVpc)}`, protocol: 'tcp', port: 443 }); break;
      case 2: flows.push({ from, to: '198.51.100.7', protocol: 'tcp', port: 443 }); break;
      default: flows.push({ from, to: `54.231.${pick(128)}.${pick(256)}`, protocol: 'tcp', port: 443 }); break;
    }
  }
  return flows;
}
