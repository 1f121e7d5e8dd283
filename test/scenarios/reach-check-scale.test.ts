// Done-when of issue 16: "a 5,000-instance check between two VPCs finishes in seconds with
// bounded memory". Not timed here (the bench times it, bench/bench.ts): the checks of two
// peered VPCs of 5,000 instances each (25 million pairs per check) are answered by the
// all-pairs engine, with exact pair counts, instead of being refused or traced pair by pair.
import { describe, expect, it } from 'vitest';
import { generateTwoVpcCheck, SSH_HOLDERS } from '../../bench/generate-two-vpc-check.js';
import { runCheck } from '../../src/scenarios/run-check.js';
import { newFlowBudget } from '../../src/scenarios/check-limits.js';
import { loadTopologyText } from '../../src/model/load-topology.js';

const PER_VPC = 5_000;

describe('a check between two VPCs of 5,000 instances', () => {
  it('is answered by the all-pairs engine, every pair counted', { timeout: 120_000 }, () => {
    const { topology } = loadTopologyText('two-vpcs.yaml', generateTwoVpcCheck(PER_VPC), { maxBytes: 1 << 28, maxNodes: Number.POSITIVE_INFINITY });
    expect(topology).toBeDefined();
    const budget = newFlowBudget();
    const results = topology!.checks.map((c) => runCheck(topology!, c, undefined, budget));
    const pairs = PER_VPC * PER_VPC;
    expect(results.map((r) => [r.status, r.pairs, r.failedPairs])).toEqual([
      ['pass', pairs, 0],
      ['pass', pairs, 0],
      ['fail', pairs, pairs],
      ['fail', pairs, PER_VPC * SSH_HOLDERS],
    ]);
    // Failures are named by class pair, with one traced witness each.
    const open = results[2]!.failures;
    expect(open[0]).toMatchObject({ kind: 'NOT_ISOLATED', from: 'a0', to: 'b0', protocol: 'tcp', port: 22, got: 'reachable on tcp/22, tcp/443' });
    expect(open[0]!.path).toContain('pcx-ab');
    expect(open.find((f) => Number(f.to.slice(1)) >= SSH_HOLDERS)).toMatchObject({ kind: 'NOT_ISOLATED', port: 443, got: 'reachable on tcp/443' });
    expect(open.reduce((n, f) => n + f.classes!.pairs, 0)).toBeLessThanOrEqual(pairs);
    expect(results[3]!.failures.map((f) => f.to).every((id) => Number(id.slice(1)) < SSH_HOLDERS)).toBe(true);
    expect(results[3]!.failures[0]).toMatchObject({ kind: 'UNEXPECTED_REACHABLE', port: 22 });
    // Nothing was traced pair by pair: the budget holds only the witnesses.
    expect(budget.used).toBeLessThan(50);
    // Bounded memory: far from the gigabytes 25 million traces per check took.
    expect(process.memoryUsage().heapUsed).toBeLessThan(1.5 * 1024 ** 3);
  });
});
