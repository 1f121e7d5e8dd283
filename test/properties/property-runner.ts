// Runs a fast-check property the way every property test here does: the run count from
// VPCSIM_PROPERTY_RUNS (default 200; `npm run test:long` sets 2000), and on failure an
// error that prints the seed, the replay path and the shrunk counterexample as YAML, so a
// failing topology can be pasted into a file and run with `vpcsim trace`.
import fc from 'fast-check';
import YAML from 'yaml';

/** Runs per property: VPCSIM_PROPERTY_RUNS, default 200. */
export const PROPERTY_RUNS = runsFromEnv(process.env.VPCSIM_PROPERTY_RUNS);

/**
 * Time limit of one property test: a minute per 200 runs, so that `npm run test:long` (and a
 * busy machine) does not hit vitest's default 30 s limit.
 */
export const PROPERTY_TIMEOUT_MS = 60_000 * Math.max(1, PROPERTY_RUNS / 200);

function runsFromEnv(text: string | undefined): number {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : 200;
}

/** Options of one property run. */
export interface PropertyOptions {
  /** Multiplies the run count (fuzzing runs thousands of cheap inputs). */
  readonly scale?: number;
}

// VPCSIM_PROPERTY_SEED and VPCSIM_PROPERTY_PATH replay one failure.
function replay(): Partial<fc.Parameters<unknown>> {
  const seed = process.env.VPCSIM_PROPERTY_SEED;
  const path = process.env.VPCSIM_PROPERTY_PATH;
  if (seed === undefined) return {};
  return { seed: Number(seed), ...(path !== undefined ? { path, endOnFailure: true } : {}) };
}

function parameters<Ts>(options: PropertyOptions): fc.Parameters<Ts> {
  return { numRuns: Math.max(1, Math.round(PROPERTY_RUNS * (options.scale ?? 1))), ...replay() } as fc.Parameters<Ts>;
}

/** YAML for a counterexample: bigints as strings, Maps as objects, undefined dropped. */
export function toYaml(value: unknown): string {
  return YAML.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (v instanceof Map) return Object.fromEntries(v);
    if (v instanceof Set) return [...v];
    return v;
  }, { lineWidth: 0 });
}

function report<Ts>(name: string, d: fc.RunDetails<Ts>): Error {
  if (d.counterexample === null) {
    return new Error(`property "${name}" failed without a counterexample (interrupted or too many skips); seed ${d.seed}`);
  }
  const cause = d.errorInstance instanceof Error ? d.errorInstance.message : String(d.errorInstance);
  const args = (d.counterexample as unknown[]).map((a, i) => `--- argument ${i}\n${toYaml(a)}`).join('\n');
  return new Error(
    [
      `property "${name}" failed after ${d.numRuns} run(s) and ${d.numShrinks} shrink(s)`,
      `seed: ${d.seed}   path: ${d.counterexamplePath}`,
      `replay: VPCSIM_PROPERTY_SEED=${d.seed} VPCSIM_PROPERTY_PATH=${d.counterexamplePath} npx vitest run <this file>`,
      `cause: ${cause}`,
      'shrunk counterexample:',
      args,
    ].join('\n'),
  );
}

/** Check a synchronous property; throw a readable report on failure. */
export function checkProperty<Ts extends [unknown, ...unknown[]]>(name: string, property: fc.IProperty<Ts>, options: PropertyOptions = {}): void {
  const details = fc.check(property, parameters<Ts>(options));
  if (details.failed) throw report(name, details);
}

/** Check an asynchronous property; throw a readable report on failure. */
export async function checkAsyncProperty<Ts extends [unknown, ...unknown[]]>(name: string, property: fc.IAsyncProperty<Ts>, options: PropertyOptions = {}): Promise<void> {
  const details = await fc.check(property, parameters<Ts>(options));
  if (details.failed) throw report(name, details);
}
