// Load one topology for a command that needs a valid one: print its diagnostics (warnings
// too) to stderr, and return nothing when it has errors.
import { loadTopologyFile } from '../model/load-topology.js';
import type { Topology } from '../model/topology.js';
import type { CliIo } from './io.js';
import { formatDiagnostic } from './print-diagnostics.js';

/** The topology of a file, or undefined after printing why it cannot be used. */
export function loadForCommand(path: string, io: CliIo): Topology | undefined {
  const { topology, diagnostics } = loadTopologyFile(path);
  for (const d of diagnostics) io.stderr.write(formatDiagnostic(d, io.stderr.isTTY === true) + '\n');
  return topology;
}
