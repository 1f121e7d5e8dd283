// Endpoint policies on the path: a gateway endpoint (S3) and an interface endpoint (KMS)
// evaluate the request the flow carries; an endpoint to a non-AWS service allows all.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traceProblems } from '../../src/engine/check-trace.js';
import type { TraceResult } from '../../src/engine/query.js';
import { isQueryError, traceFlow } from '../../src/engine/trace-flow.js';
import type { Topology } from '../../src/model/topology.js';
import { topologyOf } from '../helpers/load.js';
import { codes, stoppingHop } from '../helpers/trace.js';

function withRequest(t: Topology, from: string, to: string, req: { principal?: string; action?: string; resource?: string }): TraceResult {
  const r = traceFlow(t, { from, to, protocol: 'tcp', port: 443, ...req });
  if (isQueryError(r)) throw new Error(r.message);
  for (const tr of r.traces) expect(traceProblems(tr)).toEqual([]);
  return r;
}

const s3Policy = `
        policy:
          Statement:
            - Sid: ReadReports
              Effect: Allow
              Principal: "*"
              Action: ["s3:GetObject", "s3:ListBucket"]
              Resource: ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]
            - Sid: NoDeletes
              Effect: Deny
              Principal: "*"
              Action: "s3:Delete*"
              Resource: "*"`;
const s3 = topologyOf(readFileSync('scenarios/s3-gateway-endpoint.yaml', 'utf8').replace('        routeTables: [rtb-endpoint]', `        routeTables: [rtb-endpoint]${s3Policy}`));
const role = 'arn:aws:iam::111111111111:role/app';

describe('gateway endpoint policy (S3)', () => {
  it('allows a request a statement allows, naming it', () => {
    const r = withRequest(s3, 'app-endpoint', '52.216.237.77', { principal: role, action: 's3:GetObject', resource: 'arn:aws:s3:::reports/q1.csv' });
    expect(r.reachable).toBe(true);
    const h = r.traces[0]!.hops.find((x) => x.component.id === 'vpce-s3' && x.action === 'allowed')!;
    expect(h.steps).toMatchObject([{ type: 'endpointPolicy', action: 'allowed', verdict: 'allow', statement: { index: 1, sid: 'ReadReports', effect: 'Allow' } }]);
  });
  it('an explicit Deny wins: ENDPOINT_POLICY_DENY naming the statement', () => {
    const r = withRequest(s3, 'app-endpoint', '52.216.237.77', { principal: role, action: 's3:DeleteObject', resource: 'arn:aws:s3:::reports/q1.csv' });
    const tr = r.traces[0]!;
    expect(codes(tr)).toEqual(['ENDPOINT_POLICY_DENY']);
    expect(stoppingHop(tr)!.component).toEqual({ id: 'vpce-s3', kind: 'endpoint' });
    expect(stoppingHop(tr)!.steps).toMatchObject([{ type: 'endpointPolicy', action: 'denied', verdict: 'deny', statement: { index: 2, sid: 'NoDeletes', effect: 'Deny' } }]);
    expect(tr.explanations[0]!.location).toEqual(s3.endpoints.get('vpce-s3')!.span);
  });
  it('a request no statement allows is implicitly denied', () => {
    const r = withRequest(s3, 'app-endpoint', 's3.us-east-1.amazonaws.com', { principal: role, action: 's3:GetObject', resource: 'arn:aws:s3:::other-bucket/x' });
    expect(r.traces[0]!.hops[0]!.component.kind).toBe('dns');
    expect(codes(r.traces[0]!)).toEqual(['ENDPOINT_POLICY_DENY']);
  });
  it('is not evaluated when the flow carries no request', () => {
    expect(withRequest(s3, 'app-endpoint', '52.216.237.77', {}).reachable).toBe(true);
  });
});

describe('interface endpoint policy (KMS)', () => {
  const kms = topologyOf(readFileSync('scenarios/interface-endpoint-kms.yaml', 'utf8').replace('        privateDns: true', `        privateDns: true
        policy:
          Statement:
            - Effect: Allow
              Principal: { AWS: ["arn:aws:iam::111111111111:role/app"] }
              Action: "kms:*"
              Resource: "*"
              Condition: { StringEquals: { "aws:SourceVpce": vpce-kms } }`));
  it('allows the named principal through this endpoint', () => {
    expect(withRequest(kms, 'app', 'kms.us-east-1.amazonaws.com', { principal: role, action: 'kms:Decrypt', resource: '*' }).reachable).toBe(true);
  });
  it('denies another principal', () => {
    const r = withRequest(kms, 'app', 'kms.us-east-1.amazonaws.com', { principal: 'arn:aws:iam::111111111111:role/other', action: 'kms:Decrypt', resource: '*' });
    for (const tr of r.traces) expect(codes(tr)).toEqual(['ENDPOINT_POLICY_DENY']);
  });
});
