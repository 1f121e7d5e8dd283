// Bad input: mutations of the valid bundled scenario files. Text mutations (truncation,
// random bytes, deleted, duplicated and swapped lines, a YAML-significant character) and
// structure mutations of the parsed document (a deleted key, a value of another type, a
// broken reference, an out-of-range number), one to three at a time.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import YAML from 'yaml';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** The bundled scenario files: name and text. */
export const SCENARIO_TEXTS: readonly { readonly name: string; readonly text: string }[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((name) => ({ name, text: readFileSync(`${dir}${name}`, 'utf8') }));

/** One mutation: where (a fraction of the text or of the document's nodes) and what. */
export type Mutation =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'deleteLine'; readonly at: number }
  | { readonly kind: 'duplicateLine'; readonly at: number }
  | { readonly kind: 'swapLines'; readonly at: number; readonly with: number }
  | { readonly kind: 'character'; readonly at: number; readonly char: string }
  | { readonly kind: 'deleteKey'; readonly at: number }
  | { readonly kind: 'swapType'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'breakReference'; readonly at: number; readonly suffix: string }
  | { readonly kind: 'number'; readonly at: number; readonly value: number };

const SIGNIFICANT = [':', '-', '{', '}', '[', ']', '"', "'", '&', '*', '!', '|', '>', '#', '%', '@', '`', '\t', ' ', '\n', '?', ',', '\\', '\u0000', '\uFEFF', '\r'];

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const otherValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, '', 'x', [], {}, [[]], { a: 1 }, '10.0.0.0/33', '999.1.1.1', '-1', 'blackhole', 'all'),
  fc.string({ maxLength: 8 }),
  fc.integer(),
);

/** A mutation. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  fc.record({ kind: fc.constant('insert' as const), at: fraction, text: fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 6 }), fc.uint8Array({ maxLength: 6 }).map((b) => String.fromCharCode(...b))) }),
  fc.record({ kind: fc.constant('deleteLine' as const), at: fraction }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fraction }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fraction, with: fraction }),
  fc.record({ kind: fc.constant('character' as const), at: fraction, char: fc.constantFrom(...SIGNIFICANT) }),
  fc.record({ kind: fc.constant('deleteKey' as const), at: fraction }),
  fc.record({ kind: fc.constant('swapType' as const), at: fraction, value: otherValue }),
  fc.record({ kind: fc.constant('breakReference' as const), at: fraction, suffix: fc.constantFrom('x', '-typo', '/main', ' ', '') }),
  fc.record({ kind: fc.constant('number' as const), at: fraction, value: fc.constantFrom(-1, 0, 65536, 32767, 2 ** 53, 1e300, 0.5) }),
);

type Node = { parent: Record<string, unknown> | unknown[]; key: string | number; value: unknown };

function nodes(root: unknown): Node[] {
  const out: Node[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach((x, i) => { out.push({ parent: v, key: i, value: x }); walk(x); });
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.push({ parent: v as Record<string, unknown>, key: k, value: x }); walk(x); }
  };
  walk(root);
  return out;
}

function set(n: Node, value: unknown): void {
  (n.parent as Record<string | number, unknown>)[n.key] = value;
}

function structural(text: string, m: Mutation): string {
  const doc = YAML.parse(text, { logLevel: 'silent' }) as unknown;
  const all = nodes(doc);
  const pickNode = (at: number, pred: (n: Node) => boolean = () => true): Node | undefined => {
    const candidates = all.filter(pred);
    return candidates[Math.floor(at * candidates.length)];
  };
  switch (m.kind) {
    case 'deleteKey': {
      const n = pickNode(m.at);
      if (!n) break;
      if (Array.isArray(n.parent)) n.parent.splice(n.key as number, 1);
      else delete n.parent[n.key as string];
      break;
    }
    case 'swapType': {
      const n = pickNode(m.at);
      if (n) set(n, structuredClone(m.value));
      break;
    }
    case 'breakReference': {
      const n = pickNode(m.at, (x) => typeof x.value === 'string');
      if (n) set(n, `${String(n.value)}${m.suffix}`);
      break;
    }
    case 'number': {
      const n = pickNode(m.at, (x) => typeof x.value === 'number');
      if (n) set(n, m.value);
      break;
    }
    default:
      return text;
  }
  return YAML.stringify(doc);
}

/** Apply one mutation to a text. */
export function mutate(text: string, m: Mutation): string {
  const pos = (at: number): number => Math.floor(at * (text.length + 1));
  const lines = text.split('\n');
  const line = (at: number): number => Math.floor(at * lines.length);
  switch (m.kind) {
    case 'truncate': return text.slice(0, pos(m.at));
    case 'insert': return text.slice(0, pos(m.at)) + m.text + text.slice(pos(m.at));
    case 'character': return text.slice(0, pos(m.at)) + m.char + text.slice(pos(m.at) + 1);
    case 'deleteLine': return lines.filter((_, i) => i !== line(m.at)).join('\n');
    case 'duplicateLine': {
      const i = line(m.at);
      return [...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)].join('\n');
    }
    case 'swapLines': {
      const out = [...lines];
      const a = line(m.at);
      const b = line(m.with);
      [out[a], out[b]] = [out[b]!, out[a]!];
      return out.join('\n');
    }
    default:
      // Structure mutations need a document; on text that no longer parses they do nothing.
      try {
        return structural(text, m);
      } catch {
        return text;
      }
  }
}

/** A mutated scenario: which file, the mutations, and the resulting text. */
export interface MutatedFile {
  readonly file: string;
  readonly mutations: readonly Mutation[];
  readonly text: string;
}

/** One to three mutations of one bundled scenario. */
export const mutatedFileArb: fc.Arbitrary<MutatedFile> = fc
  .record({ file: fc.nat(SCENARIO_TEXTS.length - 1), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }) })
  .map(({ file, mutations }) => {
    const s = SCENARIO_TEXTS[file]!;
    return { file: s.name, mutations, text: mutations.reduce(mutate, s.text) };
  });
