// The canonical text of a loaded topology (what `vpcsim fmt` prints). Addresses the loader
// derives are left out, except where leaving them out would change them (pin-addresses.ts).
// The text is loaded once to confirm; should an address still move, it is pinned and the
// text printed again, until none moves.
import { loadTopologyText } from '../load-topology.js';
import type { Topology } from '../topology.js';
import { pinAddresses } from './pin-addresses.js';
import { collectComments } from './keep-comments.js';
import { printRaw } from './print-yaml.js';
import { topologyToRaw, type Pins } from './topology-to-raw.js';

function settle(t: Topology, pins: Pins): Pins {
  const privateIp = new Set(pins.privateIp);
  const publicIp = new Set(pins.publicIp);
  const limit = t.instances.size + t.networkInterfaces.size + 2 * t.natGateways.size + 1;
  for (let round = 0; round < limit; round++) {
    const again = loadTopologyText(t.file, printRaw(topologyToRaw(t, { privateIp, publicIp }))).topology;
    if (!again) break; // the round-trip property test keeps this from happening
    let moved = false;
    for (const [id, i] of t.instances) {
      if (!privateIp.has(id) && again.instances.get(id)?.privateIp.value !== i.privateIp.value) moved = privateIp.add(id) !== undefined;
    }
    for (const [id, n] of t.networkInterfaces) {
      if (!privateIp.has(id) && again.networkInterfaces.get(id)?.privateIp.value !== n.privateIp.value) moved = privateIp.add(id) !== undefined;
    }
    for (const [id, n] of t.natGateways) {
      const other = again.natGateways.get(id);
      if (!privateIp.has(id) && other?.privateIp.value !== n.privateIp.value) moved = privateIp.add(id) !== undefined;
      if (n.publicIp && !publicIp.has(id) && other?.publicIp?.value !== n.publicIp.value) moved = publicIp.add(id) !== undefined;
    }
    if (!moved) break;
  }
  return { privateIp, publicIp };
}

/**
 * The canonical format-v1 text of a topology, after an optional first comment line, or
 * keeping every comment of the text it was loaded from.
 */
export function formatTopology(t: Topology, firstLine?: string, original?: string): string {
  const raw = topologyToRaw(t, settle(t, pinAddresses(t)));
  return original !== undefined ? printRaw(raw, undefined, collectComments(original)) : printRaw(raw, firstLine);
}
