// A real estate near the size bound loads: the benchmark's 100 VPCs and 10,000 instances
// (1.27 MB of YAML, 104,301 nodes) are under the node bound, which stops hostile input, not
// big topologies. The time it takes is measured in `npm run bench`, not here.
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { generateEstate } from '../../bench/generate-estate.js';
import { MAX_NODES } from '../../src/model/count-yaml-nodes.js';
import { loadTopologyText } from '../../src/model/load-topology.js';

describe('a large estate', () => {
  it('of 10,000 instances loads with no error', { timeout: 120_000 }, () => {
    const text = YAML.stringify(generateEstate(100, 100));
    let nodes = 0;
    YAML.visit(YAML.parseDocument(text), { Node() { nodes++; } });
    expect(nodes).toBeLessThan(MAX_NODES);
    const { topology, diagnostics } = loadTopologyText('estate.yaml', text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(topology?.instances.size).toBe(10_000);
  });
});
