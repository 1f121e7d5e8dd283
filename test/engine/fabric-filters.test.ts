// Security groups ("Security group rules", Amazon VPC guide: stateful, allow-only, rules by
// CIDR, prefix list or group membership; default egress allow-all; the default group) and
// network ACLs ("Network ACL rules": stateless, numbered, first match, implicit deny,
// only at subnet boundaries).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnosticsOf } from '../helpers/load.js';
import { loadTopologyFile } from '../../src/model/load-topology.js';
import { codes, expectBlocked, expectReachableVia, returnHopIds, stoppingHop, trace } from '../helpers/trace.js';

const t = loadTopologyFile('test/engine/fixtures/fabric.yaml').topology!;

describe('security groups', () => {
  it('allow by security group reference (membership by interface)', () => {
    expectReachableVia(trace(t, 'bastion', 'app', 22), ['sg-bastion', 'sg-app', 'app']);
  });

  it('deny an interface that is not a member of the referenced group', () => {
    const tr = trace(t, 'web', 'app', 22);
    expectBlocked(tr, 'ENI_SG_RULES_MISMATCH', 'sg-app');
    expect(tr.explanations[0]!.location?.line).toBe(t.securityGroups.get('sg-app')!.span.line);
  });

  it('are stateful: the reply passes a group with no egress rules', () => {
    const tr = trace(t, 'app', 'inbound-only', 443);
    expectReachableVia(tr, ['app', 'sg-inbound-only', 'inbound-only']);
    expect(returnHopIds(tr)[0]).toBe('inbound-only');
    expect(tr.returnHops[1]!.steps).toMatchObject([{ type: 'securityGroup', action: 'allowed', direction: 'egress', group: 'sg-inbound-only', verdict: 'tracked' }]);
    expect(tr.returnHops[1]!.steps![0]).toHaveProperty('rule', undefined);
  });

  it('deny egress when no outbound rule allows it', () => {
    expectBlocked(trace(t, 'mute', 'app', 443), 'ENI_SG_RULES_MISMATCH', 'sg-none');
  });

  it('have no implicit ingress', () => {
    expectBlocked(trace(t, 'app', 'mute', 443), 'ENI_SG_RULES_MISMATCH', 'sg-none');
  });

  it('allow egress by default when no egress rules are written', () => {
    const tr = trace(t, 'bastion', 'app', 22);
    expect(tr.hops[1]!.steps).toMatchObject([{ type: 'securityGroup', direction: 'egress', verdict: 'rule', rule: { written: false } }]);
  });

  it('use the VPC default group, which admits its own members', () => {
    expectReachableVia(trace(t, 'default-sg-1', 'default-sg-2', 5432), ['vpc-a/default-sg', 'default-sg-2']);
    expectBlocked(trace(t, 'app', 'default-sg-1', 5432), 'ENI_SG_RULES_MISMATCH', 'vpc-a/default-sg');
  });

  it('match prefix-list rules by the list entries', () => {
    expectReachableVia(trace(t, 'example', 'web', 22), ['example', 'igw-a', 'sg-web', 'web']);
    expectBlocked(trace(t, 'stranger', 'web', 22), 'ENI_SG_RULES_MISMATCH', 'sg-web');
  });

  it('reference groups across a same-region peering', () => {
    expectReachableVia(trace(t, 'app', 'b-host', 443), ['pcx-ab', 'sg-b', 'b-host']);
    expectBlocked(trace(t, 'bastion', 'b-host', 443), 'ENI_SG_RULES_MISMATCH', 'sg-b');
  });

  it('do not reference groups across an inter-region peering: AWS refuses the rule', () => {
    // "Update your security groups to reference peer security groups": not across regions.
    expectBlocked(trace(t, 'app', 'd-host', 22), 'ENI_SG_RULES_MISMATCH', 'sg-d');
    const text = readFileSync('test/engine/fixtures/fabric.yaml', 'utf8').replace(
      '- { protocol: tcp, ports: 443, cidr: 10.0.0.0/16 }\n    instances:\n      d-host:',
      '- { protocol: tcp, ports: 443, cidr: 10.0.0.0/16 }\n          - { protocol: tcp, ports: 22, securityGroup: sg-app }\n    instances:\n      d-host:',
    );
    expect(diagnosticsOf(text).filter((d) => d.startsWith('SG_REFERENCE_NOT_PEERED'))).toHaveLength(1);
  });
});

describe('network ACLs', () => {
  it('allow by the first matching rule', () => {
    const tr = trace(t, 'app2', 'locked', 443);
    expectReachableVia(tr, ['acl-locked', 'locked']);
    expect(tr.hops.find((h) => h.component.id === 'acl-locked')!.steps).toMatchObject([{ type: 'networkAcl', action: 'allowed', direction: 'ingress', acl: 'acl-locked', subnet: 'a-locked', rule: { rule: 110, action: 'allow' } }]);
  });

  it('deny by the implicit rule when nothing matches', () => {
    const tr = trace(t, 'app', 'locked', 80);
    expectBlocked(tr, 'SUBNET_ACL_RESTRICTION', 'acl-locked');
    expect(stoppingHop(tr)!.steps).toMatchObject([{ type: 'networkAcl', action: 'denied', rule: { rule: '*', action: 'deny' } }]);
  });

  it('are stateless: the reply is checked with its own ports, and a lower-numbered deny wins', () => {
    const tr = trace(t, 'app', 'locked', 443);
    expect(tr.reachable).toBe(false);
    expect(tr.returnHops.at(-1)!.component.id).toBe('acl-locked');
    expect(stoppingHop(tr)!.steps).toMatchObject([{ type: 'networkAcl', action: 'denied', direction: 'egress', acl: 'acl-locked', rule: { rule: 90, action: 'deny' } }]);
    expect(codes(tr)).toEqual(['SUBNET_ACL_RESTRICTION']);
  });

  it('do not apply between interfaces of one subnet', () => {
    const tr = trace(t, 'locked2', 'locked', 8080);
    expectReachableVia(tr, ['sg-app', 'locked']);
    expect(tr.hops.map((h) => h.component.id)).not.toContain('acl-locked');
  });
});
