// A checks file: checks kept apart from the topology they test (`vpcsim check plan.json
// --checks checks.yaml`), so a Terraform plan or an AWS snapshot, which vpcsim does not
// write, can be checked. It holds `checks:` (the same entries as a topology's) and
// nothing else; its checks run after the topology's own, and every position in them,
// errors included, is the checks file's line:col.
import type { Diagnostic } from './diagnostic.js';
import { parseYaml } from './parse-yaml.js';
import { readYamlFile } from './read-yaml-file.js';
import { pointer, type NodeSpans, type SourceMap } from './source-map.js';

/** The keys a checks file may have. */
export const CHECKS_FILE_KEYS = ['checks'] as const;

/** A checks file, parsed: its check entries (shape unchecked yet) and their positions. */
export interface ChecksFile {
  readonly file: string;
  readonly checks: readonly unknown[];
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
      diagnostics.push({ code: 'UNKNOWN_KEY', severity: 'error', message: `a checks file has only \`checks:\`, not \`${key}\`; resources belong in the topology, plan or snapshot it is run against`, span: map.keyAt(pointer(key)) });
    }
  }
  const checks = (data as Record<string, unknown>)['checks'];
  if (checks === undefined) diagnostics.push({ code: 'MISSING_FIELD', severity: 'error', message: 'a checks file needs `checks:`, a list of checks', span: map.valueAt('') });
  else if (!Array.isArray(checks)) diagnostics.push({ code: 'WRONG_TYPE', severity: 'error', message: '`checks` must be a list of checks', span: map.valueAt('/checks') });
  if (diagnostics.length > 0) return { diagnostics };
  return { checks: { file: path, checks: checks as unknown[], map } };
}

const CHECK_POINTER = /^\/checks\/(\d+)(\/.*)?$/;

/**
 * The topology's data with the checks file's entries after its own checks, and a source map
 * that answers for those entries with the checks file's positions.
 */
export function withChecksFile(data: unknown, map: SourceMap, extra: ChecksFile): { readonly data: unknown; readonly map: SourceMap } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { data, map };
  const own = (data as Record<string, unknown>)['checks'];
  const base = Array.isArray(own) ? own.length : 0;
  const merged = { ...(data as Record<string, unknown>), checks: [...(Array.isArray(own) ? own : []), ...extra.checks] };
  // A pointer into an appended check, rewritten into the checks file's own numbering.
  const inExtra = (ptr: string): string | undefined => {
    if (ptr === '/checks' && !Array.isArray(own)) return '/checks';
    const m = CHECK_POINTER.exec(ptr);
    if (!m || Number(m[1]) < base) return undefined;
    return `/checks/${Number(m[1]) - base}${m[2] ?? ''}`;
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
