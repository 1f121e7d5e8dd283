// The trace part of `npm run bench`: full traces per second on a generated estate (100
// VPCs, 10,000 instances), with the engine's indexes and with the naive baseline (linear
// scans of routes and interfaces) measured in the same run, and their ratio; and the time to
// load and validate the estate's YAML over a bare yaml.parse of the same text. One thread.
import { parse, stringify } from 'yaml';
import { engineContext, type EngineContext } from '../src/engine/compile/engine-context.js';
import { isQueryError, traceFlowIn } from '../src/engine/trace-flow.js';
import type { FlowQuery } from '../src/engine/query.js';
import { loadTopologyText } from '../src/model/load-topology.js';
import { generateEstate, generateFlows } from './generate-estate.js';
import { linearContext } from './linear-baseline.js';

const VPCS = 100;
const INSTANCES_PER_VPC = 100;
const FLOWS = 4000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

/** The trace benchmark's figures. */
export interface TraceBench {
  readonly lines: readonly string[];
  readonly tracesPerSecond: number;
  readonly speedUp: number;
  readonly loadOverParse: number;
}

function measure(ctx: EngineContext, flows: readonly FlowQuery[]): { perSecond: number; reachable: number; runs: number } {
  // Warm up (JIT), then count full traces for SECONDS.
  for (const f of flows.slice(0, 200)) traceFlowIn(ctx, f);
  let runs = 0;
  let reachable = 0;
  const start = performance.now();
  const deadline = start + SECONDS * 1000;
  while (performance.now() < deadline) {
    for (let i = 0; i < 200; i++) {
      const r = traceFlowIn(ctx, flows[runs % flows.length]!);
      if (isQueryError(r)) throw new Error(r.message);
      if (r.reachable) reachable++;
      runs++;
    }
  }
  const elapsed = (performance.now() - start) / 1000;
  return { perSecond: runs / elapsed, reachable, runs };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Run the trace benchmark. */
export function benchTrace(): TraceBench {
  const lines: string[] = [];
  const text = stringify(generateEstate(VPCS, INSTANCES_PER_VPC));
  // Best of three for both, so that one pause of a shared machine does not decide the ratio.
  let loadMs = Infinity;
  let parseMs = Infinity;
  let loaded: ReturnType<typeof loadTopologyText> | undefined;
  for (let i = 0; i < 3; i++) {
    const p0 = performance.now();
    parse(text);
    parseMs = Math.min(parseMs, performance.now() - p0);
    const t0 = performance.now();
    // The estate is text vpcsim wrote, far past the node bound a user's file gets.
    loaded = loadTopologyText('bench-estate.yaml', text, { maxNodes: Number.MAX_SAFE_INTEGER });
    loadMs = Math.min(loadMs, performance.now() - t0);
  }
  const topology = loaded!.topology;
  if (!topology) throw new Error(`the benchmark estate does not load: ${JSON.stringify(loaded!.diagnostics.slice(0, 5))}`);
  const flows = generateFlows(FLOWS, VPCS, INSTANCES_PER_VPC);
  // The verdicts must agree before the speeds mean anything.
  const indexedCtx = engineContext(topology);
  const linearCtx = linearContext(topology);
  for (const f of flows.slice(0, 500)) {
    const a = traceFlowIn(indexedCtx, f);
    const b = traceFlowIn(linearCtx, f);
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`indexed and linear engines disagree on ${JSON.stringify(f)}`);
  }
  const indexed = measure(indexedCtx, flows);
  const linear = measure(linearCtx, flows);
  lines.push(`estate: ${topology.vpcs.size} VPCs, ${topology.instances.size} instances, ${topology.enis.size} interfaces; ${text.length.toLocaleString('en-US')} bytes of YAML loaded in ${Math.round(loadMs)} ms`);
  lines.push(`flows: ${FLOWS} (within a VPC, spoke to hub over peering, out through NAT, to S3 through a gateway endpoint); ${Math.round((100 * indexed.reachable) / indexed.runs)}% reachable`);
  lines.push(`engine (indexed lookups):        ${fmt(indexed.perSecond)} full traces/s`);
  lines.push(`naive baseline (linear scans):   ${fmt(linear.perSecond)} full traces/s`);
  lines.push(`ratio: ${(indexed.perSecond / linear.perSecond).toFixed(1)}x faster than the baseline measured in the same run`);
  lines.push(`load and validate: ${Math.round(loadMs)} ms, ${(loadMs / parseMs).toFixed(1)}x a bare yaml.parse of the same text (${Math.round(parseMs)} ms)`);
  return { lines, tracesPerSecond: indexed.perSecond, speedUp: indexed.perSecond / linear.perSecond, loadOverParse: loadMs / parseMs };
}
