// Run every check of every topology file, in the order given. A file that does not load
// keeps its diagnostics and runs no check (its verdicts could not be trusted).
import { hasErrors, type Diagnostic } from '../model/diagnostic.js';
import { loadInput } from '../import/load-input.js';
import type { ChecksFile } from '../model/checks-file.js';
import { traceFlow } from '../engine/trace-flow.js';
import type { CheckResult, CheckRun, FileResult } from './check-result.js';
import { newFlowBudget, type FlowBudget } from './check-limits.js';
import { segmentChecks } from './segment-checks.js';
import type { Segments } from '../model/segments.js';
import type { Topology } from '../model/topology.js';
import { runCheck, type TraceFn } from './run-check.js';

/** What runCheckFiles does with what loading says besides errors. */
export interface RunCheckOptions {
  /** Each of a snapshot's import warnings, not their summary. */
  readonly verbose?: boolean;
  /** Called with a file's import warnings (a snapshot folder's, a plan's), which are not errors. */
  readonly onImportWarnings?: (file: string, warnings: readonly Diagnostic[]) => void;
  /** Checks of a separate checks file, run against every file after its own. */
  readonly checks?: ChecksFile;
}

/** Load and run the checks of each file. */
export function runCheckFiles(files: readonly string[], trace: TraceFn = traceFlow, options: RunCheckOptions = {}): CheckRun {
  const results: FileResult[] = files.map((file) => {
    const { topology, diagnostics } = loadInput(file, { verbose: options.verbose === true, ...(options.checks ? { checks: options.checks } : {}) });
    const warnings = diagnostics.filter((d) => d.code === 'IMPORT_WARNING');
    if (warnings.length > 0) options.onImportWarnings?.(file, warnings);
    if (!topology || hasErrors(diagnostics)) {
      return { file, diagnostics: diagnostics.filter((d) => d.severity === 'error'), checks: [] };
    }
    const budget = newFlowBudget();
    const checks = topology.checks.map((c) => runCheck(topology, c, trace, budget));
    if (topology.segments) checks.push(...runSegments(topology, topology.segments, trace, budget));
    return { file, diagnostics: [], checks };
  });
  return summarize(results);
}

/** The checks of a segments block, after the file's own; or one errored result for the block. */
export function runSegments(topology: Topology, segments: Segments, trace: TraceFn, budget: FlowBudget): CheckResult[] {
  const r = segmentChecks(topology, segments, topology.checks.length);
  if (!r.ok) return [{ file: topology.file, check: r.check, status: 'error', pairs: 0, failedPairs: 0, failures: [], errors: r.errors }];
  return r.checks.map((c) => runCheck(topology, c, trace, budget));
}

/** Count the outcomes of file results. */
export function summarize(files: readonly FileResult[]): CheckRun {
  const all = files.flatMap((f) => f.checks);
  return {
    files,
    passed: all.filter((c) => c.status === 'pass').length,
    failed: all.filter((c) => c.status === 'fail').length,
    errored: all.filter((c) => c.status === 'error').length,
    invalidFiles: files.filter((f) => f.diagnostics.length > 0).length,
  };
}

