// One reach benchmark tier in a process of its own (so its peak memory is its own): build
// the estate, load it, compute the relation for tcp/443, and print one JSON line of figures.
// Usage: node dist/bench/bench-reach-tier.js tiered|stress VPCS PER_VPC [SAMPLE_PAIRS]
import { stringify } from 'yaml';
import { loadTopologyText } from '../src/model/load-topology.js';
import { computeReach } from '../src/reach/compute-reach.js';
import { countPairs, relationGroups } from '../src/reach/query-relation.js';
import { tracePair } from '../src/reach/trace-pairs.js';
import { lcg } from './generate-estate.js';
import { generateReachEstate, type ReachEstateKind } from './generate-reach-estate.js';

const [kindText, vpcText, perText, sampleText] = process.argv.slice(2);
const kind = kindText as ReachEstateKind;
const vpcs = Number(vpcText);
const perVpc = Number(perText);
const sample = Number(sampleText ?? 0);
const text = stringify(generateReachEstate(kind, vpcs, perVpc));
const l0 = performance.now();
const { topology, diagnostics } = loadTopologyText(`reach-${kind}.yaml`, text, { maxBytes: 1 << 30, maxNodes: Number.MAX_SAFE_INTEGER }); // text vpcsim wrote: no user-file bounds
const loadMs = performance.now() - l0;
if (!topology) {
  console.error(diagnostics.slice(0, 5));
  process.exit(2);
}
const query = { protocol: 'tcp', port: 443 } as const;
// Small estates: best of three (the first run also compiles); large ones: one run.
let rel = computeReach(topology, query);
let computeMs = rel.stats.classMs + rel.stats.joinMs + rel.stats.traceMs;
for (let i = 1; i < (topology.enis.size < 50_000 ? 3 : 1); i++) {
  rel = computeReach(topology, query);
  computeMs = Math.min(computeMs, rel.stats.classMs + rel.stats.joinMs + rel.stats.traceMs);
}
const counts = countPairs(rel, rel.ports[0]!, relationGroups(rel));
let tracePerSecond = 0;
if (sample > 0) {
  // Per-pair tracing, timed on random pairs of the same estate, for the extrapolation.
  const rnd = lcg(11);
  const ends = rel.ends.sources;
  for (let i = 0; i < 200; i++) tracePair(topology, query, 443, { from: ends[Math.floor(rnd() * ends.length)]!.id, to: ends[Math.floor(rnd() * ends.length)]!.id });
  const t0 = performance.now();
  for (let i = 0; i < sample; i++) tracePair(topology, query, 443, { from: ends[Math.floor(rnd() * ends.length)]!.id, to: ends[Math.floor(rnd() * ends.length)]!.id });
  tracePerSecond = sample / ((performance.now() - t0) / 1000);
}
console.log(JSON.stringify({
  kind, vpcs, interfaces: topology.enis.size, instances: topology.instances.size, classes: rel.stats.classes, atoms: rel.stats.atoms,
  loadMs, computeMs, classMs: rel.stats.classMs, joinMs: rel.stats.joinMs, traceMs: rel.stats.traceMs,
  pairs: counts.total, reachable: counts.reachable, unknown: counts.unknown, traced: rel.ports[0]!.traceCount,
  peakRssMb: process.resourceUsage().maxRSS / 1024, tracePerSecond,
}));
