// Estates for the all-pairs benchmark (docs/reach.md, "Benchmark"). A hub VPC (shared
// services) peered with every spoke; each VPC has three tiers (web, app, db) in two zones,
// web subnets routed to an internet gateway, app and db subnets to a NAT gateway and to
// the hub over peering; network ACLs per tier; eight services per VPC.
// - tiered: an instance holds its tier's group and its service's group (realistic: apps in
//   tiers sharing security groups), so classes grow with VPCs and services, not instances;
// - stress: every instance also holds a group of its own with one ingress and one egress
//   rule drawn at random, so nearly every interface is a different security group set.
import { lcg } from './generate-estate.js';

/** The kinds of estate. */
export type ReachEstateKind = 'tiered' | 'stress';

const TIERS = ['web', 'app', 'db'] as const;
const SERVICES = 8;

/** A generated estate as format-v1 data: `vpcCount` VPCs of `perVpc` instances. */
export function generateReachEstate(kind: ReachEstateKind, vpcCount: number, perVpc: number, seed = 7): object {
  const rnd = lcg(seed);
  const pick = (n: number): number => Math.floor(rnd() * n);
  const vpcs: Record<string, object> = {};
  const peeringConnections: Record<string, object> = {};
  for (let v = 0; v < vpcCount; v++) {
    const cidr = `10.${v}.0.0/16`;
    const hub = v === 0;
    if (!hub) peeringConnections[`pcx-${v}`] = { requester: 'vpc-0', accepter: `vpc-${v}` };
    const peerRoutes = hub
      ? Array.from({ length: vpcCount - 1 }, (_, i) => ({ destination: `10.${i + 1}.0.0/16`, target: `pcx-${i + 1}` }))
      : [{ destination: '10.0.0.0/16', target: `pcx-${v}` }];
    const subnets: Record<string, object> = { [`nat-${v}-subnet`]: { az: 'use1-az1', cidr: `10.${v}.250.0/24`, routeTable: `rtb-web-${v}` } };
    TIERS.forEach((tier, t) => {
      for (let z = 0; z < 2; z++) {
        subnets[`${tier}-${v}-${z}`] = { az: `use1-az${z + 1}`, cidr: `10.${v}.${(t * 2 + z) * 16}.0/20`, routeTable: `rtb-${tier === 'web' ? 'web' : 'private'}-${v}`, networkAcl: `acl-${tier}-${v}` };
      }
    });
    const securityGroups: Record<string, object> = {
      [`sg-web-${v}`]: {
        ingress: [{ protocol: 'tcp', ports: 443, cidr: '0.0.0.0/0' }, { protocol: 'tcp', ports: 80, cidr: '0.0.0.0/0' }],
        egress: [{ protocol: 'tcp', ports: 8080, securityGroup: `sg-app-${v}` }, { protocol: 'tcp', ports: 443, cidr: '0.0.0.0/0' }],
      },
      [`sg-app-${v}`]: {
        ingress: [{ protocol: 'tcp', ports: 8080, securityGroup: `sg-web-${v}` }, { protocol: 'tcp', ports: 22, cidr: '10.0.0.0/16' }],
        egress: [{ protocol: 'tcp', ports: 5432, securityGroup: `sg-db-${v}` }, { protocol: 'tcp', ports: 443, cidr: '0.0.0.0/0' }],
      },
      [`sg-db-${v}`]: {
        ingress: [{ protocol: 'tcp', ports: 5432, securityGroup: `sg-app-${v}` }, { protocol: 'tcp', ports: 22, cidr: '10.0.0.0/16' }],
        egress: [],
      },
    };
    for (let k = 0; k < SERVICES; k++) {
      securityGroups[`sg-svc-${k}-${v}`] = {
        ingress: [{ protocol: 'tcp', ports: 9000 + k, cidr: '10.0.0.0/8' }, { protocol: 'icmp', cidr: hub ? '10.0.0.0/8' : '10.0.0.0/16' }],
        egress: [{ protocol: 'tcp', ports: 9000 + ((k + 1) % SERVICES), cidr: '10.0.0.0/8' }, { protocol: 'udp', ports: 53, cidr: '0.0.0.0/0' }],
      };
    }
    const instances: Record<string, object> = {};
    const ports = [22, 80, 443, 3306, 5432, 6379, 8080, 8443, 9000, 9090, 9200, 27017, 11211, 2049, 5000, 3000, 8000, 8888, 15672, 50051];
    const peers = [cidr, '10.0.0.0/16', '10.0.0.0/8', `10.${v}.16.0/20`];
    for (let i = 0; i < perVpc; i++) {
      const tier = TIERS[i % 3]!;
      const id = `i-${v}-${i}`;
      const groups = [`sg-${tier}-${v}`, `sg-svc-${Math.floor(i / 3) % SERVICES}-${v}`];
      if (kind === 'stress') {
        const own = `sg-${id}`;
        securityGroups[own] = {
          ingress: [{ protocol: 'tcp', ports: ports[pick(ports.length)]!, cidr: peers[pick(peers.length)]! }],
          egress: [{ protocol: 'tcp', ports: ports[pick(ports.length)]!, cidr: peers[pick(peers.length)]! }],
        };
        groups.push(own);
      }
      instances[id] = { subnet: `${tier}-${v}-${Math.floor(i / (3 * SERVICES)) % 2}`, securityGroups: groups };
    }
    vpcs[`vpc-${v}`] = {
      cidr,
      internetGateway: `igw-${v}`,
      subnets,
      routeTables: {
        [`rtb-web-${v}`]: { routes: [{ destination: '0.0.0.0/0', target: `igw-${v}` }, ...peerRoutes] },
        [`rtb-private-${v}`]: { routes: [{ destination: '0.0.0.0/0', target: `nat-${v}` }, ...peerRoutes] },
      },
      natGateways: { [`nat-${v}`]: { subnet: `nat-${v}-subnet` } },
      securityGroups,
      networkAcls: {
        [`acl-web-${v}`]: {
          ingress: [{ rule: 100, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0' }],
          egress: [{ rule: 100, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0' }],
        },
        [`acl-app-${v}`]: {
          ingress: [{ rule: 50, action: 'deny', protocol: 'tcp', ports: 23, cidr: '0.0.0.0/0' }, { rule: 100, action: 'allow', protocol: 'all', cidr: '10.0.0.0/8' }],
          egress: [{ rule: 100, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0' }],
        },
        [`acl-db-${v}`]: {
          ingress: [
            { rule: 100, action: 'allow', protocol: 'tcp', ports: 5432, cidr },
            { rule: 110, action: 'allow', protocol: 'tcp', ports: 22, cidr: '10.0.0.0/16' },
            { rule: 200, action: 'allow', protocol: 'tcp', ports: '1024-65535', cidr: '10.0.0.0/8' },
          ],
          egress: [{ rule: 100, action: 'allow', protocol: 'tcp', ports: '1024-65535', cidr: '10.0.0.0/8' }, { rule: 110, action: 'allow', protocol: 'tcp', ports: 443, cidr: '0.0.0.0/0' }],
        },
      },
      instances,
    };
  }
  return { version: 1, name: `reach benchmark estate (${kind})`, region: 'us-east-1', vpcs, peeringConnections };
}
