// A checks file: checks kept apart from the topology they test (`vpcsim check plan.json
// --checks checks.yaml`), so a Terraform plan or an AWS snapshot, which vpcsim does not
// write, can be checked. It holds `checks:` and `protect:` (the same entries as a
// topology's) and nothing else; its entries come after the topology's own, and every
// position in them, errors included, is the checks file's line:col.
import type { Diagnostic } from './diagnostic.js';
import { parseYaml } from './parse-yaml.js';
import { readYamlFile } from './read-yaml-file.js';
import { pointer, type NodeSpans, type SourceMap } from './source-map.js';

/** The keys a checks file may have: lists of a topology's, appended to its own. */
export const CHECKS_FILE_KEYS = ['checks', 'protect'] as const;

/** A key of a checks file. */
type ChecksFileKey = (typeof CHECKS_FILE_KEYS)[number];

/** A checks file, parsed: its lists (shape unchecked yet) and their positions. */
export interface ChecksFile {
  readonly file: string;
  readonly lists: Readonly<Partial<Record<ChecksFileKey, readonly unknown[]>>>;
  readonly map: SourceMap;
}

/** Read and parse a checks file: its entries, or the positioned diagnostics of why not. */
export function readChecksFile(path: string): { readonly checks: ChecksFile } | { readonly diagnostics: readonly Diagnostic[] } {
  const read = readYamlFile(path);
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
  const parsed = parseYaml(path, read.text);
  if (parsed.data === undefined || !parsed.sourceMap) return { diagnostics: parsed.diagnostics };
  const map = parsed.sourceMap;
  const data = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { diagnostics: [{ code: 'WRONG_TYPE', severity: 'error', message: 'a checks file is a mapping with one key, `checks:`, a list of checks (docs/check.md)', span: map.valueAt('') }] };
  }
  const diagnostics: Diagnostic[] = [];
  for (const key of Object.keys(data)) {
    if (!(CHECKS_FILE_KEYS as readonly string[]).includes(key)) {
      diagnostics.push({ code: 'UNKNOWN_KEY', severity: 'error', message: `a checks file has only \`checks:\` and \`protect:\`, not \`${key}\`; resources belong in the topology, plan or snapshot it is run against`, span: map.keyAt(pointer(key)) });
    }
  }
  const lists: Partial<Record<ChecksFileKey, readonly unknown[]>> = {};
  for (const key of CHECKS_FILE_KEYS) {
    const v = (data as Record<string, unknown>)[key];
    if (v === undefined) continue;
    if (Array.isArray(v)) lists[key] = v;
    else diagnostics.push({ code: 'WRONG_TYPE', severity: 'error', message: `\`${key}\` must be a list`, span: map.valueAt(pointer(key)) });
  }
  if (lists.checks === undefined && lists.protect === undefined && diagnostics.length === 0) {
    diagnostics.push({ code: 'MISSING_FIELD', severity: 'error', message: 'a checks file needs `checks:`, a list of checks (or `protect:`)', span: map.valueAt('') });
  }
  if (diagnostics.length > 0) return { diagnostics };
  return { checks: { file: path, lists, map } };
}

const LIST_POINTER = /^\/([a-z]+)\/(\d+)(\/.*)?$/;

/**
 * The topology's data with the checks file's entries after its own, and a source map that
 * answers for those entries with the checks file's positions.
 */
export function withChecksFile(data: unknown, map: SourceMap, extra: ChecksFile): { readonly data: unknown; readonly map: SourceMap } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { data, map };
  const merged: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  const base = new Map<string, number>();
  for (const key of CHECKS_FILE_KEYS) {
    const theirs = extra.lists[key];
    if (theirs === undefined) continue;
    const own = merged[key];
    base.set(key, Array.isArray(own) ? own.length : -1);
    merged[key] = [...(Array.isArray(own) ? own : []), ...theirs];
  }
  // A pointer into an appended entry, rewritten into the checks file's own numbering.
  const inExtra = (ptr: string): string | undefined => {
    const whole = base.get(ptr.slice(1));
    if (whole === -1) return ptr;
    const m = LIST_POINTER.exec(ptr);
    const n = m ? base.get(m[1]!) : undefined;
    if (!m || n === undefined || Number(m[2]) < Math.max(n, 0)) return undefined;
    return `/${m[1]}/${Number(m[2]) - Math.max(n, 0)}${m[3] ?? ''}`;
  };
  const pick = <T>(ptr: string, mine: (p: string) => T, theirs: (p: string) => T): T => {
    const p = inExtra(ptr);
    return p === undefined ? mine(ptr) : theirs(p);
  };
  const combined: SourceMap = {
    file: map.file,
    depth: Math.max(map.depth, extra.map.depth),
    deepest: map.depth >= extra.map.depth ? map.deepest : extra.map.deepest,
    has: (ptr) => pick(ptr, (p) => map.has(p), (p) => extra.map.has(p)),
    at: (ptr): NodeSpans => pick(ptr, (p) => map.at(p), (p) => extra.map.at(p)),
    keyAt: (ptr) => pick(ptr, (p) => map.keyAt(p), (p) => extra.map.keyAt(p)),
    valueAt: (ptr) => pick(ptr, (p) => map.valueAt(p), (p) => extra.map.valueAt(p)),
  };
  return { data: merged, map: combined };
}
