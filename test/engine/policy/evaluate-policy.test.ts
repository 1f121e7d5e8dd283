import { describe, expect, it } from 'vitest';
import { accountOf, evaluatePolicy, type PolicyRequest } from '../../../src/engine/policy/evaluate-policy.js';
import { matchesPattern } from '../../../src/engine/policy/match-pattern.js';

const ctx = new Map([
  ['aws:sourcevpce', 'vpce-s3'],
  ['aws:sourcevpc', 'vpc-main'],
  ['aws:principalaccount', '111111111111'],
  ['aws:principalarn', 'arn:aws:iam::111111111111:role/app'],
]);
const req: PolicyRequest = { principal: 'arn:aws:iam::111111111111:role/app', action: 's3:GetObject', resource: 'arn:aws:s3:::reports/2024/jan.csv' };

describe('IAM wildcards', () => {
  it('matches * and ? and nothing else', () => {
    expect(matchesPattern('s3:Get*', 's3:GetObject')).toBe(true);
    expect(matchesPattern('s3:Get?bject', 's3:GetObject')).toBe(true);
    expect(matchesPattern('s3:Get?', 's3:GetObject')).toBe(false);
    expect(matchesPattern('arn:aws:s3:::reports/*', 'arn:aws:s3:::reports/a.csv')).toBe(true);
    expect(matchesPattern('arn:aws:s3:::reports.*', 'arn:aws:s3:::reportsX')).toBe(false);
    expect(matchesPattern('S3:getobject', 's3:GetObject', true)).toBe(true);
    expect(matchesPattern('S3:getobject', 's3:GetObject')).toBe(false);
  });
  it('reads account ids from principals', () => {
    expect(accountOf('arn:aws:iam::111111111111:role/app')).toBe('111111111111');
    expect(accountOf('arn:aws:sts::222222222222:assumed-role/r/s')).toBe('222222222222');
    expect(accountOf('333333333333')).toBe('333333333333');
    expect(accountOf('nobody')).toBeUndefined();
  });
});

describe('endpoint policy evaluation', () => {
  it('allows everything without a policy (the default endpoint policy)', () => {
    expect(evaluatePolicy(undefined, req, ctx).allowed).toBe(true);
  });
  it('allows with a matching Allow and names the statement', () => {
    const d = evaluatePolicy({ Statement: [{ Sid: 'Read', Effect: 'Allow', Principal: '*', Action: 's3:Get*', Resource: 'arn:aws:s3:::reports/*' }] }, req, ctx);
    expect(d.allowed).toBe(true);
    expect(d.statement?.sid).toBe('Read');
  });
  it('denies implicitly when nothing allows', () => {
    const d = evaluatePolicy({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Resource: '*' }] }, req, ctx);
    expect(d.allowed).toBe(false);
    expect(d.statement).toBeUndefined();
    expect(d.reason).toMatch(/implicit deny/);
  });
  it('lets an explicit Deny win over an Allow, whatever the order', () => {
    const d = evaluatePolicy({
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
        { Sid: 'NoReports', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::reports/*' },
      ],
    }, req, ctx);
    expect(d.allowed).toBe(false);
    expect(d.statement?.index).toBe(2);
    expect(d.statement?.sid).toBe('NoReports');
  });
  it('handles NotAction and NotResource', () => {
    const notAction = { Statement: [{ Effect: 'Allow', Principal: '*', NotAction: 's3:Delete*', Resource: '*' }] };
    expect(evaluatePolicy(notAction, req, ctx).allowed).toBe(true);
    expect(evaluatePolicy(notAction, { ...req, action: 's3:DeleteObject' }, ctx).allowed).toBe(false);
    const notResource = { Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', NotResource: 'arn:aws:s3:::secret/*' }] };
    expect(evaluatePolicy(notResource, req, ctx).allowed).toBe(true);
    expect(evaluatePolicy(notResource, { ...req, resource: 'arn:aws:s3:::secret/k' }, ctx).allowed).toBe(false);
  });
  it('matches principals by ARN; an account means every principal of it, or its root user only for gateway endpoints', () => {
    const byArn = { Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111111111111:role/app'] }, Action: '*', Resource: '*' }] };
    expect(evaluatePolicy(byArn, req, ctx).allowed).toBe(true);
    const byAccount = { Statement: [{ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: '*', Resource: '*' }] };
    expect(evaluatePolicy(byAccount, req, ctx, 'wholeAccount').allowed).toBe(true);
    expect(evaluatePolicy(byAccount, { ...req, principal: 'arn:aws:iam::222222222222:role/app' }, ctx, 'wholeAccount').allowed).toBe(false);
    expect(evaluatePolicy(byAccount, req, ctx, 'rootOnly').allowed).toBe(false);
    expect(evaluatePolicy(byAccount, { ...req, principal: 'arn:aws:iam::111111111111:root' }, ctx, 'rootOnly').allowed).toBe(true);
    const anyone = { Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: '*', Resource: '*' }] };
    expect(evaluatePolicy(anyone, req, ctx).allowed).toBe(true);
  });
  it('evaluates StringEquals, StringNotEquals and StringLike on the global keys', () => {
    const pol = (op: string, key: string, v: string | string[]): unknown => ({ Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { [op]: { [key]: v } } }] });
    expect(evaluatePolicy(pol('StringEquals', 'aws:SourceVpce', 'vpce-s3'), req, ctx).allowed).toBe(true);
    expect(evaluatePolicy(pol('StringEquals', 'aws:SourceVpce', 'vpce-other'), req, ctx).allowed).toBe(false);
    expect(evaluatePolicy(pol('StringEquals', 'aws:PrincipalAccount', ['999999999999', '111111111111']), req, ctx).allowed).toBe(true);
    expect(evaluatePolicy(pol('StringNotEquals', 'aws:SourceVpc', 'vpc-main'), req, ctx).allowed).toBe(false);
    expect(evaluatePolicy(pol('StringLike', 'aws:PrincipalArn', 'arn:aws:iam::111111111111:role/*'), req, ctx).allowed).toBe(true);
  });
  it('takes the stricter reading for conditions it cannot evaluate', () => {
    const allow = { Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }] };
    const a = evaluatePolicy(allow, req, ctx);
    expect(a.allowed).toBe(false);
    expect(a.caveats.join(' ')).toMatch(/stricter reading/);
    const deny = { Statement: [
      { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
      { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    ] };
    expect(evaluatePolicy(deny, req, ctx).allowed).toBe(false);
  });
  it('lets an unknown request value match only the bare wildcard', () => {
    const pol = { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] };
    expect(evaluatePolicy(pol, { ...req, resource: undefined }, ctx).allowed).toBe(true);
    expect(evaluatePolicy(pol, { ...req, action: undefined }, ctx).allowed).toBe(false);
  });
});
