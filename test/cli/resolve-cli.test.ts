// `vpcsim resolve` and the PrivateLink side of `vpcsim trace`, in-process: exit codes, the
// rule that answered, JSON shape, policy flags, and fan-out summaries.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {} });
  return { code, out, err };
}

const KMS = 'scenarios/interface-endpoint-kms.yaml';
const PEERED = 'scenarios/endpoint-from-peered-vpc.yaml';

describe('vpcsim resolve', () => {
  it('private DNS inside the VPC: exit 0, the ENIs and the rule', async () => {
    const r = await run('resolve', KMS, '--from', 'app', 'kms.us-east-1.amazonaws.com');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^kms\.us-east-1\.amazonaws\.com from app \(VPC vpc-workload\): 10\.0\.1\.\d+, 10\.0\.2\.\d+$/);
    expect(r.out).toContain('private DNS of interface endpoint vpce-kms');
  });

  it('from a peered VPC: the public answer, and why', async () => {
    const r = await run('resolve', PEERED, '--from', 'app', 'kms.us-east-1.amazonaws.com', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { resolved: boolean; rule: string; vantage: { vpc: string }; detail: string };
    expect(json).toMatchObject({ resolved: true, rule: 'awsService', vantage: { vpc: 'vpc-app' } });
    expect(json).toMatchObject({ privateDns: { reason: 'otherVpcs', endpoints: [{ endpoint: 'vpce-kms', vpc: 'vpc-hub' }] } });
  });

  it('an unknown name: exit 1, and stderr says nothing in the file has it', async () => {
    const r = await run('resolve', KMS, '--from', 'app', 'nothing.example.org');
    expect(r.code).toBe(1);
    expect(r.out).toContain('does not resolve');
    expect(r.err).toContain('no resolver of this topology answers "nothing.example.org"');
  });

  it('a misspelt name: exit 1, with the near miss', async () => {
    const r = await run('resolve', KMS, '--from', 'app', 'kms.us-east-1.amazonaws.con');
    expect(r.code).toBe(1);
    expect(r.err).toContain('did you mean "kms.us-east-1.amazonaws.com"?');
  });

  it('trace to a misspelt name: unreachable (DNS_NAME_NOT_RESOLVED), exit 1, with the near miss on stderr', async () => {
    const r = await run('trace', KMS, '--from', 'app', '--to', 'kms.us-east-1.amazonaws.con:443', '--format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { reachable: boolean; traces: { explanations: { code: string }[] }[] };
    expect(json.reachable).toBe(false);
    expect(json.traces[0]!.explanations.map((e) => e.code)).toEqual(['DNS_NAME_NOT_RESOLVED']);
    expect(r.err).toBe('vpcsim trace: no resolver of this topology answers "kms.us-east-1.amazonaws.con": did you mean "kms.us-east-1.amazonaws.com"?\n');
  });

  it('a name that resolves prints no hint', async () => {
    const r = await run('resolve', KMS, '--from', 'app', 'kms.us-east-1.amazonaws.com');
    expect(r.err).toBe('');
  });

  it('bad input: exit 2', async () => {
    expect((await run('resolve', KMS, 'kms.us-east-1.amazonaws.com')).code).toBe(2);
    expect((await run('resolve', KMS, '--from', 'nobody', 'kms.us-east-1.amazonaws.com')).code).toBe(2);
    expect((await run('resolve', KMS, '--from', 'app', 'not a name')).code).toBe(2);
  });
});

describe('vpcsim trace through PrivateLink', () => {
  it('a name with several addresses: a summary line first, a trace per address, DNS as hop 1', async () => {
    const r = await run('trace', KMS, '--from', 'app', '--to', 'kms.us-east-1.amazonaws.com:443', '--explain');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^REACHABLE: kms\.us-east-1\.amazonaws\.com resolves to 2 addresses; every one is reachable/m);
    expect(r.out).toMatch(/ 1\. resolved\s+dns kms\.us-east-1\.amazonaws\.com:/);
    expect(r.out).toContain('why: Private DNS');
  });

  it('an unresolvable name is an unreachable trace, not bad input', async () => {
    const r = await run('trace', KMS, '--from', 'app', '--to', 'nothing.example.org:443', '--format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { traces: { hops: { component: { kind: string }; action: string }[]; explanations: { code: string }[] }[] };
    expect(json.traces[0]!.hops[0]).toMatchObject({ component: { kind: 'dns' }, action: 'dropped' });
    expect(json.traces[0]!.explanations[0]!.code).toBe('DNS_NAME_NOT_RESOLVED');
  });

  it('fan-out to several targets shows each path', async () => {
    const r = await run('trace', 'scenarios/gwlb-inspection.yaml', '--from', 'web', '--to', 'www.example.com:443');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/gives 2 paths \(1 address, each load balancer target a path of its own\)/);
    expect(r.out).toContain('via gwlb-inspect/appliance-a tg-firewalls -> firewall-2');
  });

  it('--principal/--action/--resource reach the endpoint policy', async () => {
    const r = await run('trace', 'scenarios/s3-gateway-endpoint.yaml', '--from', 'app-endpoint', '--to', '52.216.237.77:443',
      '--principal', 'arn:aws:iam::111111111111:role/app', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::b/k');
    expect(r.code).toBe(0);
    expect(r.out).toContain('default endpoint policy allows s3:GetObject');
  });
});
