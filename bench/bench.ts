// `npm run bench [-- --json FILE] [-- --quick]`: the all-pairs engine on generated estates
// (bench/generate-reach-estate.ts: 10k interfaces; 100k tiered; 100k stress, each tier in
// a process of its own so that its peak memory is its own), per-pair tracing timed on a
// sample of the 10k estate and extrapolated, the checks between two VPCs of 5,000 instances
// each (bench-check-tier.ts), and the trace benchmark (bench-trace.ts).
// Prints a table; with --json FILE writes github-action-benchmark entries ({name, unit,
// value}) under the names CI tracks. --quick leaves out the 100k tiers.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchTrace } from './bench-trace.js';

interface Tier {
  readonly kind: string;
  readonly interfaces: number;
  readonly classes: number;
  readonly atoms: number;
  readonly loadMs: number;
  readonly computeMs: number;
  readonly pairs: number;
  readonly reachable: number;
  readonly peakRssMb: number;
  readonly tracePerSecond: number;
}

/** One benchmark entry in github-action-benchmark's format. */
interface Entry {
  readonly name: string;
  readonly unit: string;
  readonly value: number;
}

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
if (jsonAt >= 0 && jsonFile === undefined) throw new Error('--json needs a file name');
const quick = args.includes('--quick');

function runTier(kind: string, vpcs: number, perVpc: number, sample: number): Tier {
  const script = fileURLToPath(new URL('./bench-reach-tier.js', import.meta.url));
  const out = execFileSync(process.execPath, ['--max-old-space-size=4096', script, kind, String(vpcs), String(perVpc), String(sample)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop()!) as Tier;
}

interface CheckTier {
  readonly instances: number;
  readonly checks: number;
  readonly pairs: number;
  readonly statuses: readonly string[];
  readonly loadMs: number;
  readonly checkMs: number;
  readonly peakRssMb: number;
}

function runCheckTier(perVpc: number): CheckTier {
  const script = fileURLToPath(new URL('./bench-check-tier.js', import.meta.url));
  const out = execFileSync(process.execPath, ['--max-old-space-size=4096', script, String(perVpc)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop()!) as CheckTier;
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const small = runTier('tiered', 40, 250, 2000);
const tiers: [string, Tier][] = [['10k tiered', small]];
if (!quick) {
  tiers.push(['100k tiered', runTier('tiered', 100, 1000, 0)]);
  tiers.push(['100k stress', runTier('stress', 100, 1000, 0)]);
}
console.log('reach, tcp/443, one thread:');
console.log('estate        interfaces  classes  atoms  load ms  compute ms       pairs   reachable  peak RSS MB');
for (const [name, t] of tiers) {
  console.log(`${name.padEnd(12)}  ${fmt(t.interfaces).padStart(10)}  ${fmt(t.classes).padStart(7)}  ${fmt(t.atoms).padStart(5)}  ${fmt(t.loadMs).padStart(7)}  ${fmt(t.computeMs, 1).padStart(10)}  ${fmt(t.pairs).padStart(10)}  ${fmt(t.reachable).padStart(10)}  ${fmt(t.peakRssMb).padStart(11)}`);
}
const extrapolatedMs = (small.pairs / small.tracePerSecond) * 1000;
const speedUp = extrapolatedMs / small.computeMs;
console.log(`per-pair tracing: ${fmt(small.tracePerSecond)} pairs/s on a sample of the 10k estate, so its ${fmt(small.pairs)} pairs would take ${fmt(extrapolatedMs / 1000, 1)} s: reach is ${fmt(speedUp)}x faster`);
const big = tiers.find(([n]) => n === '100k tiered')?.[1];
if (big) console.log(`100k tiered compute over 10k compute: ${fmt(big.computeMs / small.computeMs, 1)}x`);
const twoVpcs = runCheckTier(5000);
console.log(`check between two VPCs of 5,000 instances: ${twoVpcs.checks} checks over ${fmt(twoVpcs.pairs)} pairs (${twoVpcs.statuses.join(', ')}) in ${fmt(twoVpcs.checkMs)} ms after a ${fmt(twoVpcs.loadMs)} ms load; peak RSS ${fmt(twoVpcs.peakRssMb)} MB`);
console.log('');
const trace = benchTrace();
for (const line of trace.lines) console.log(line);

if (jsonFile !== undefined) {
  const entries: Entry[] = [{ name: 'reach 10k ENIs compute', unit: 'ms', value: small.computeMs }];
  const tiered = tiers.find(([n]) => n === '100k tiered')?.[1];
  const stress = tiers.find(([n]) => n === '100k stress')?.[1];
  if (tiered) entries.push({ name: 'reach 100k ENIs tiered compute', unit: 'ms', value: tiered.computeMs });
  if (stress) entries.push({ name: 'reach 100k ENIs stress compute', unit: 'ms', value: stress.computeMs });
  if (tiered) entries.push({ name: 'reach 100k tiered peak memory', unit: 'MB', value: tiered.peakRssMb });
  entries.push(
    { name: 'reach speed-up over per-pair tracing', unit: 'x', value: speedUp },
    { name: 'check 5k x 5k instances between two VPCs', unit: 'ms', value: twoVpcs.checkMs },
    { name: 'check 5k x 5k instances peak memory', unit: 'MB', value: twoVpcs.peakRssMb },
    { name: 'trace throughput', unit: 'traces/s', value: trace.tracesPerSecond },
    { name: 'trace speed-up over the linear baseline', unit: 'x', value: trace.speedUp },
    { name: 'load time over yaml.parse', unit: 'x', value: trace.loadOverParse },
  );
  writeFileSync(jsonFile, `${JSON.stringify(entries, null, 2)}\n`);
  console.log(`\nwrote ${entries.length} entries to ${jsonFile}`);
}
