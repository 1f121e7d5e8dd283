// Load topologies in tests: from text (inline YAML) or from a bundled scenario, failing
// loudly with every diagnostic when the file is not valid.
import { loadTopologyFile, loadTopologyText } from '../../src/model/load-topology.js';
import type { Topology } from '../../src/model/topology.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

/** Load YAML text that must be valid. */
export function topologyOf(yamlText: string, file = 'test.yaml'): Topology {
  const { topology, diagnostics } = loadTopologyText(file, yamlText);
  if (!topology) throw new Error(`invalid test topology:\n${diagnostics.map(show).join('\n')}`);
  return topology;
}

/** Load a bundled scenario that must be valid. */
export function scenario(name: string): Topology {
  const { topology, diagnostics } = loadTopologyFile(`scenarios/${name}.yaml`);
  if (!topology) throw new Error(`invalid scenario ${name}:\n${diagnostics.map(show).join('\n')}`);
  return topology;
}

/** Diagnostics of YAML text as `code@line:col`, the form tests assert. */
export function diagnosticsOf(yamlText: string, file = 'test.yaml'): string[] {
  return loadTopologyText(file, yamlText).diagnostics.map((d) => `${d.code}@${d.span.line}:${d.span.col}`);
}

function show(d: Diagnostic): string {
  return `${d.span.line}:${d.span.col} ${d.code} ${d.message}`;
}
