// The hops one handler call makes, and how it ends: a handler creates a log, records hops
// (and the filters it calls record theirs), and returns the log's step with what comes next.
import type { Span } from '../../model/span.js';
import type { ExplanationCode } from '../explanation-codes.js';
import { viewPacket, type Packet } from '../packet.js';
import type { HopStep } from '../steps.js';
import type { Component, Explanation, Hop, HopAction, PacketView } from '../trace.js';
import type { At, Carry, Delivery, Memo, Next, Step, Stop, WalkEnv } from './position.js';

/** The hops of one handler call. */
export interface HopLog {
  readonly env: WalkEnv;
  /** What travels with the packet at this position. */
  readonly carry: Carry;
  readonly hops: Hop[];
  readonly remember: Memo[];
  /** Record a hop. */
  hop(component: Component, action: HopAction, detail: string, location: Span | undefined, packet: Packet, why?: string, steps?: readonly HopStep[]): void;
  /** Record a hop that stops the packet, with its explanation, and return the stop. */
  drop(component: Component, action: 'denied' | 'dropped', code: ExplanationCode, detail: string, location: Span | undefined, packet: Packet, why?: string, also?: readonly Explanation[], steps?: readonly HopStep[]): Stop;
  /** End the handler with `next`. */
  end(next: Next): Step;
  /** End the handler going to `at`. */
  go(at: At): Step;
  /** End the handler with the packet delivered. */
  deliver(delivery: Delivery): Step;
}

/** A fresh log for one handler call at a position carrying `carry`. */
export function newHopLog(env: WalkEnv, carry: Carry): HopLog {
  const hops: Hop[] = [];
  const remember: Memo[] = [];
  let lastPacket: Packet | undefined;
  let lastView: PacketView | undefined;
  const log: HopLog = {
    env, carry, hops, remember,
    hop(component, action, detail, location, packet, why, steps) {
      if (lastPacket !== packet || !lastView) {
        lastPacket = packet;
        lastView = viewPacket(packet);
      }
      const h: Hop = why === undefined
        ? { component, action, detail, location, packet: lastView }
        : { component, action, detail, location, packet: lastView, why };
      hops.push(steps === undefined ? h : { ...h, steps });
    },
    drop(component, action, code, detail, location, packet, why, also = [], steps) {
      log.hop(component, action, detail, location, packet, why, steps);
      return { kind: 'stop', verdict: 'dropped', explanations: [{ code, message: detail, component, location }, ...also] };
    },
    end: (next) => ({ hops, next, remember }),
    go: (at) => ({ hops, next: { kind: 'go', at }, remember }),
    deliver: (delivery) => ({ hops, next: { kind: 'stop', verdict: 'delivered', delivery }, remember }),
  };
  return log;
}
