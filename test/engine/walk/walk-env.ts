// Calling one walk handler alone: an environment over a topology, positions and packets
// built from ids and address text, and readers for what the handler returned.
import { parseIp } from '../../../src/net/ip.js';
import { engineContext } from '../../../src/engine/compile/engine-context.js';
import type { Packet } from '../../../src/engine/packet.js';
import { NO_CARRY, type At, type Memory, type Next, type Step, type WalkEnv } from '../../../src/engine/walk/position.js';
import type { Eni } from '../../../src/model/resources.js';
import type { Topology } from '../../../src/model/topology.js';

/** A handler environment: forward walk, no request, nothing remembered (unless given). */
export function envOf(t: Topology, reply = false, memory: Partial<Memory> = {}): WalkEnv {
  return {
    ctx: engineContext(t),
    reply,
    memory: { nat: memory.nat ?? new Map(), conns: memory.conns ?? new Map(), flows: memory.flows ?? new Map(), transit: memory.transit ?? new Map() },
    request: undefined,
  };
}

/** An interface by id. */
export function eniOf(t: Topology, id: string): Eni {
  const e = t.enis.get(id);
  if (!e) throw new Error(`no interface ${id}`);
  return e;
}

/** A packet from address text: TCP unless told, source port 49152 for TCP and UDP. */
export function packetOf(src: string, dst: string, dstPort = 443, protocol = 6): Packet {
  const ip = (s: string) => {
    const p = parseIp(s);
    if (!p) throw new Error(`bad address ${s}`);
    return p;
  };
  return { src: ip(src), dst: ip(dst), protocol, srcPort: protocol === 6 || protocol === 17 ? 49152 : undefined, dstPort };
}

export { NO_CARRY };

/** The position a step goes to (fails when it does not go on). */
export function nextAt(s: Step): At {
  if (s.next.kind !== 'go') throw new Error(`expected a position, got ${s.next.kind}`);
  return s.next.at;
}

/** The codes of a step's stop, or undefined when it does not stop dropped. */
export function stopCodes(s: Step): string[] | undefined {
  const n: Next = s.next;
  return n.kind === 'stop' && n.verdict === 'dropped' ? n.explanations.map((e) => e.code) : undefined;
}

/** Component ids of a step's hops. */
export function hopIdsOf(s: Step): string[] {
  return s.hops.map((h) => h.component.id);
}
