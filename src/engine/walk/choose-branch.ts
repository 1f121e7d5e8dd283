// Forks in a walk: where AWS may take any of several equally valid next hops (a load
// balancer's healthy targets), the walk takes the one its trace run chose and records the
// fork, so that the caller can walk every other option as a trace of its own (docs/trace.md).
import type { Walk } from './walk-state.js';

/** Take one option at a fork named `key`; the first unless the run chose another. */
export function chooseBranch<T>(w: Walk, key: string, options: readonly T[], name: (t: T) => string): T {
  const fullKey = `${w.reply ? 'return:' : ''}${key}`;
  const index = Math.min(w.run.choices.get(fullKey) ?? 0, options.length - 1);
  const pick = options[index]!;
  if (options.length > 1) {
    if (!w.run.forks.some((f) => f.key === fullKey)) w.run.forks.push({ key: fullKey, options: options.map(name) });
    w.run.picks.push(`${key} -> ${name(pick)}`);
  }
  return pick;
}
