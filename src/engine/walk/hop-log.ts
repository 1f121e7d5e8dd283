// The hops one handler call makes, and how it ends: a handler creates a log, records hops
// (and the filters it calls record theirs), and returns the log's step with what comes next.
// A hop is recorded as its typed step; its detail and `why` are rendered from that step here,
// by render-step.ts, never written by the handler.
import type { Span } from '../../model/span.js';
import type { ExplanationCode } from '../explanation-codes.js';
import { viewPacket, type Packet } from '../packet.js';
import { renderStep } from '../render-step.js';
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
  /** Record a hop decided by `step`; `packet` is the packet as it leaves the hop. */
  hop(component: Component, action: HopAction, step: HopStep, location: Span | undefined, packet: Packet): void;
  /** Record a hop that stops the packet, with its explanation, and return the stop. */
  drop(component: Component, action: 'denied' | 'dropped', code: ExplanationCode, step: HopStep, location: Span | undefined, packet: Packet, also?: readonly Explanation[]): Stop;
  /** End the handler with `next`. */
  end(next: Next): Step;
  /** End the handler going to `at`. */
  go(at: At): Step;
  /** End the handler with the packet delivered. */
  deliver(delivery: Delivery): Step;
}

/**
 * A hop made of its step: the detail and why rendered from it, on first reading. Most hops
 * of most traces are never printed (check, reach witnesses, the benchmark), so the words
 * are made only when asked for, once; the step and the packet view they come from are
 * immutable, so a later rendering says what an eager one would have. JSON keeps the keys in
 * this order, and leaves `why` out when it is undefined, as before.
 */
export function makeHop(component: Component, action: HopAction, step: HopStep, location: Span | undefined, packet: PacketView, reply: boolean): Hop {
  let words: { readonly detail: string; readonly why: string | undefined } | undefined;
  const render = (): { readonly detail: string; readonly why: string | undefined } => (words ??= renderStep(step, { packet, reply }));
  return {
    component,
    action,
    get detail() { return render().detail; },
    location,
    packet,
    get why() { return render().why; },
    steps: [step],
  };
}

/** A fresh log for one handler call at a position carrying `carry`. */
export function newHopLog(env: WalkEnv, carry: Carry): HopLog {
  const hops: Hop[] = [];
  const remember: Memo[] = [];
  let lastPacket: Packet | undefined;
  let lastView: PacketView | undefined;
  const log: HopLog = {
    env, carry, hops, remember,
    hop(component, action, step, location, packet) {
      if (lastPacket !== packet || !lastView) {
        lastPacket = packet;
        lastView = viewPacket(packet);
      }
      hops.push(makeHop(component, action, step, location, lastView, env.reply));
    },
    drop(component, action, code, step, location, packet, also = []) {
      log.hop(component, action, step, location, packet);
      return { kind: 'stop', verdict: 'dropped', explanations: [{ code, message: hops[hops.length - 1]!.detail, component, location }, ...also] };
    },
    end: (next) => ({ hops, next, remember }),
    go: (at) => ({ hops, next: { kind: 'go', at }, remember }),
    deliver: (delivery) => ({ hops, next: { kind: 'stop', verdict: 'delivered', delivery }, remember }),
  };
  return log;
}
