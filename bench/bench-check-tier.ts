// The check benchmark tier, in a process of its own (its peak memory is its own): two peered
// VPCs of PER_VPC instances each (bench/generate-two-vpc-check.ts) and the checks across
// them, which `vpcsim check` answers with the all-pairs engine. Prints one JSON line.
// Usage: node dist/bench/bench-check-tier.js PER_VPC
import { loadTopologyText } from '../src/model/load-topology.js';
import { newFlowBudget } from '../src/scenarios/check-limits.js';
import { runCheck } from '../src/scenarios/run-check.js';
import { generateTwoVpcCheck } from './generate-two-vpc-check.js';

const perVpc = Number(process.argv[2] ?? 5000);
const text = generateTwoVpcCheck(perVpc);
const l0 = performance.now();
const { topology, diagnostics } = loadTopologyText('two-vpcs.yaml', text, { maxBytes: 1 << 30, maxNodes: Number.POSITIVE_INFINITY });
const loadMs = performance.now() - l0;
if (!topology) {
  console.error(diagnostics.slice(0, 5));
  process.exit(2);
}
const c0 = performance.now();
const budget = newFlowBudget();
const results = topology.checks.map((c) => runCheck(topology, c, undefined, budget));
const checkMs = performance.now() - c0;
console.log(JSON.stringify({
  perVpc, instances: topology.instances.size, checks: results.length, pairs: results.reduce((n, r) => n + r.pairs, 0),
  statuses: results.map((r) => r.status), loadMs, checkMs, peakRssMb: process.resourceUsage().maxRSS / 1024,
}));
