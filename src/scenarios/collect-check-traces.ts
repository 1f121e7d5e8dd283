// The traces that show a file's checks, for the HTML trace page: every disproving trace of
// a failing check, and for a passing check the traces of its first pair (what it looks
// like when it holds). Errored checks and isolation checks (which probe many flows) give none.
import type { TraceResult } from '../engine/query.js';
import type { Trace } from '../engine/trace.js';
import type { Topology } from '../model/topology.js';
import { newFlowBudget } from './check-limits.js';
import { expandSelector } from './expand-selector.js';
import { queryOf, runCheck, type TraceFn } from './run-check.js';

/** A trace and the check it shows. */
export interface CheckTrace {
  /** "FAIL the provider cannot open a connection", the list group on the page. */
  readonly group: string;
  readonly trace: Trace;
}

function firstPairTraces(topology: Topology, check: Topology['checks'][number], trace: TraceFn): readonly Trace[] {
  const from = expandSelector(topology, check.from, 'from', check.fromSpan).endpoints;
  const to = expandSelector(topology, check.to, 'to', check.toSpan).endpoints;
  for (const f of from) {
    for (const t of to) {
      if (f === t) continue;
      const result = trace(topology, queryOf(check, f, t, check.protocol, check.port));
      return 'traces' in result ? (result as TraceResult).traces : [];
    }
  }
  return [];
}

/** The traces of every check of a loaded topology, in check order. */
export function collectCheckTraces(topology: Topology, trace: TraceFn): CheckTrace[] {
  const out: CheckTrace[] = [];
  const budget = newFlowBudget();
  for (const check of topology.checks) {
    const result = runCheck(topology, check, trace, budget);
    if (result.status === 'fail') {
      for (const f of result.failures) if (f.trace) out.push({ group: `FAIL ${check.name}`, trace: f.trace });
    } else if (result.status === 'pass' && !check.isolated) {
      for (const t of firstPairTraces(topology, check, trace)) out.push({ group: `pass ${check.name}`, trace: t });
    }
  }
  return out;
}
