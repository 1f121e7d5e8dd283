// The estate of "a 5,000-instance check between two VPCs" (issue 16): two peered VPCs of
// `perVpc` instances each in two subnets, and checks across them that `vpcsim check` hands
// to the all-pairs engine: 443 reaches from a to b (pass), nothing opens b to a (pass),
// a is not isolated from b (fails on tcp/443 for every pair), and SSH reaches only the few
// instances of b that hold sg-ssh (an `expect: unreachable` that fails for exactly those).
// Used by test/scenarios/reach-check-scale.test.ts (the result) and the bench (the time).

/** Instances of b that hold sg-ssh. */
export const SSH_HOLDERS = 10;

/** The estate as format-v1 YAML text (written directly: it is large and regular). */
export function generateTwoVpcCheck(perVpc: number): string {
  const lines: string[] = ['version: 1', 'name: two VPCs of many instances', 'region: us-east-1', 'vpcs:'];
  for (const [v, other, pcx] of [['a', 'b', 'pcx-ab'], ['b', 'a', 'pcx-ab']] as const) {
    const n = v === 'a' ? 0 : 1;
    lines.push(
      `  vpc-${v}:`,
      `    cidr: 10.${n}.0.0/16`,
      '    subnets:',
      `      ${v}-1: { az: use1-az1, cidr: 10.${n}.0.0/19, routeTable: rtb-${v} }`,
      `      ${v}-2: { az: use1-az2, cidr: 10.${n}.32.0/19, routeTable: rtb-${v} }`,
      '    routeTables:',
      `      rtb-${v}:`,
      `        routes:`,
      `          - { destination: 10.${1 - n}.0.0/16, target: ${pcx} }`,
      '    securityGroups:',
      `      sg-${v}:`,
      v === 'b' ? `        ingress:\n          - { protocol: tcp, ports: 443, cidr: 10.0.0.0/16 }` : '        ingress: []',
      '        egress:',
      '          - { protocol: all, cidr: 0.0.0.0/0 }',
    );
    if (v === 'b') lines.push('      sg-ssh:', '        ingress:', '          - { protocol: tcp, ports: 22, cidr: 10.0.0.0/16 }');
    lines.push('    instances:');
    for (let i = 0; i < perVpc; i++) {
      const groups = v === 'b' && i < SSH_HOLDERS ? `sg-${v}, sg-ssh` : `sg-${v}`;
      lines.push(`      ${v}${i}: { subnet: ${v}-${(i % 2) + 1}, securityGroups: [${groups}] }`);
    }
    void other;
  }
  lines.push(
    'peeringConnections:',
    '  pcx-ab: { requester: vpc-a, accepter: vpc-b }',
    'checks:',
    '  - { name: a reaches b on 443, from: { vpc: vpc-a }, to: { vpc: vpc-b }, port: 443 }',
    '  - { name: nothing opens b to a, from: { vpc: vpc-b }, to: { vpc: vpc-a }, isolated: true }',
    '  - { name: a is isolated from b (it is not), from: { vpc: vpc-a }, to: { vpc: vpc-b }, isolated: true }',
    '  - { name: no SSH from a to b (some hold sg-ssh), from: { vpc: vpc-a }, to: { vpc: vpc-b }, port: 22, expect: unreachable }',
  );
  return `${lines.join('\n')}\n`;
}
