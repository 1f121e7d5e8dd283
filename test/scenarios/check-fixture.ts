// A small topology for check tests: two VPCs, instances in two subnets, security groups
// with members (an interface endpoint among them), a NAT gateway and an internet host.
export const CHECK_FIXTURE = `version: 1
name: check fixture
vpcs:
  vpc-a:
    cidr: 10.0.0.0/16
    enableDnsHostnames: true
    internetGateway: igw-a
    subnets:
      sub-1: { az: use1-az1, cidr: 10.0.1.0/24 }
      sub-2: { az: use1-az2, cidr: 10.0.2.0/24 }
      sub-empty: { az: use1-az2, cidr: 10.0.3.0/24 }
    securityGroups:
      sg-web:
        ingress:
          - { protocol: tcp, ports: 8000-8010, cidr: 10.0.0.0/16 }
      sg-db: {}
      sg-unused: {}
    natGateways:
      nat-a: { subnet: sub-1, connectivity: private }
    instances:
      web-1: { subnet: sub-1, securityGroups: [sg-web] }
      web-2: { subnet: sub-2, securityGroups: [sg-web] }
      db-1: { subnet: sub-2, securityGroups: [sg-db] }
    endpoints:
      vpce-kms:
        type: interface
        service: com.amazonaws.us-east-1.kms
        subnets: [sub-1]
        securityGroups: [sg-web]
  vpc-b:
    cidr: 10.1.0.0/16
    subnets:
      sub-b: { az: use1-az1, cidr: 10.1.1.0/24 }
    instances:
      other: { subnet: sub-b }
internet:
  web-host: { ip: 198.51.100.7, dns: www.example.com }
  mirror: { ip: 198.51.100.8 }
`;

/** The fixture with checks appended (YAML text indented as a list under checks:). */
export function withChecks(checks: string, base = CHECK_FIXTURE): string {
  return `${base}checks:\n${checks}`;
}
