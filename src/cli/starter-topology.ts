// The topology `vpcsim init` writes: small, commented, valid, and with one passing check,
// so a new user edits something that already works (docs/format.md explains every key).

/** The starter topology file, as text. */
export const STARTER_TOPOLOGY = `# yaml-language-server: $schema=node_modules/vpcsim/schema/topology.schema.json
# A starter topology written by \`vpcsim init\`. Try:
#   vpcsim validate topology.yaml
#   vpcsim check topology.yaml
#   vpcsim trace topology.yaml --from app --to secretsmanager.us-east-1.amazonaws.com:443
# The format: docs/format.md; the checks: docs/check.md.
version: 1
name: starter - a consumer VPC reaching AWS Secrets Manager over PrivateLink
region: us-east-1

vpcs:
  vpc-consumer:
    cidr: 10.0.0.0/16
    # Private DNS on an interface endpoint needs both DNS options on (AWS API defaults:
    # support on, hostnames off).
    enableDnsSupport: true
    enableDnsHostnames: true
    subnets:
      # Zones by AZ ID (use1-az1): the same physical zone in every account.
      private-a: { az: use1-az1, cidr: 10.0.1.0/24, routeTable: rtb-private }
      private-b: { az: use1-az2, cidr: 10.0.2.0/24, routeTable: rtb-private }
    routeTables:
      rtb-private:
        routes: []   # only the implicit local route: no internet gateway, no NAT
    securityGroups:
      sg-app:
        egress:
          - { protocol: tcp, ports: 443, cidr: 10.0.0.0/16, description: HTTPS inside the VPC }
      sg-endpoint:
        ingress:
          - { protocol: tcp, ports: 443, cidr: 10.0.0.0/16, description: HTTPS from the VPC }
    instances:
      app: { subnet: private-a, securityGroups: [sg-app] }
    endpoints:
      # One network interface per subnet; with private DNS the service's own name,
      # secretsmanager.us-east-1.amazonaws.com, resolves to them inside this VPC.
      vpce-secretsmanager:
        type: interface
        service: com.amazonaws.us-east-1.secretsmanager
        subnets: [private-a, private-b]
        securityGroups: [sg-endpoint]
        privateDns: true

checks:
  - name: app reaches Secrets Manager through the interface endpoint
    from: app
    to: secretsmanager.us-east-1.amazonaws.com:443
    expect: reachable
    via: [vpce-secretsmanager]
`;
