// Load one topology (a file, or an AWS snapshot folder) for a command that needs a valid one: print its diagnostics (warnings
// too) to stderr, and return nothing when it has errors.
import { loadInput } from '../import/load-input.js';
import type { Topology } from '../model/topology.js';
import type { CliIo } from './io.js';
import { formatDiagnostic } from './print-diagnostics.js';

/**
 * The topology of a file, or undefined after printing why it cannot be used. A snapshot's
 * import warnings are summed up in one line, or each printed with `verbose`.
 */
export function loadForCommand(path: string, io: CliIo, verbose = false): Topology | undefined {
  const { topology, diagnostics } = loadInput(path, { verbose });
  for (const d of diagnostics) io.stderr.write(formatDiagnostic(d, io.stderr.isTTY === true) + '\n');
  return topology;
}
