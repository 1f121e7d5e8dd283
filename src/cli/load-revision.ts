// A topology argument that may name a file at a git revision: `REF:PATH` (main:net/estate.yaml)
// is read with `git show REF:PATH` (PATH from the repository's top, or ./PATH from the
// current folder, as git reads it). An existing file or folder is always read as itself
// first, and a Windows drive path (C:\net\estate.yaml, C:/x) is never a revision. git runs
// with an argument array (no shell), and a REF starting with "-" is refused.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadInput } from '../import/load-input.js';
import { decodeTopologyText } from '../model/decode-text.js';
import { loadTopologyText, type LoadResult } from '../model/load-topology.js';

/** A revision and a path in it. */
export interface RevisionPath {
  readonly ref: string;
  readonly path: string;
}

/** Whether an argument names a file at a revision rather than a file or folder. */
export function parseRevisionPath(arg: string): RevisionPath | undefined {
  if (existsSync(arg)) return undefined;
  if (/^[A-Za-z]:[\\/]/.test(arg) || /^\\\\/.test(arg)) return undefined;
  const at = arg.indexOf(':');
  if (at <= 0 || at === arg.length - 1) return undefined;
  return { ref: arg.slice(0, at), path: arg.slice(at + 1) };
}

/** Why git could not give the file, in one line. */
function gitMessage(e: unknown): string {
  const err = e as { stderr?: Buffer | string; code?: string; message?: string };
  if (err.code === 'ENOENT') return 'git is not installed (or not on PATH)';
  const text = String(err.stderr ?? err.message ?? e).trim();
  return text.split('\n').find((l) => l.trim().length > 0)?.replace(/^fatal: /, '') ?? 'git show failed';
}

/** Read REF:PATH with git; an error message when git cannot. */
export function readRevision(rev: RevisionPath, cwd = process.cwd()): { bytes: Buffer } | { error: string } {
  if (rev.ref.startsWith('-')) return { error: `"${rev.ref}" is not a git revision` };
  try {
    const bytes = execFileSync('git', ['show', '--end-of-options', `${rev.ref}:${rev.path}`], {
      cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, windowsHide: true,
    });
    return { bytes };
  } catch (e) {
    return { error: gitMessage(e) };
  }
}

/**
 * Load an argument: a file, folder or plan as every command reads it, or REF:PATH from git.
 * The error, when git cannot read the revision, is a sentence for stderr (exit 2).
 */
export function loadInputOrRevision(arg: string): LoadResult | { readonly gitError: string } {
  const rev = parseRevisionPath(arg);
  if (!rev) return loadInput(arg);
  const got = readRevision(rev);
  if ('error' in got) return { gitError: `cannot read ${arg} from git: ${got.error}` };
  if (/\.ya?ml$/i.test(rev.path) || !looksLikePlan(got.bytes)) {
    const decoded = decodeTopologyText(arg, got.bytes);
    if ('diagnostic' in decoded) return { topology: undefined, diagnostics: [decoded.diagnostic] };
    return loadTopologyText(arg, decoded.text);
  }
  // A Terraform plan: the importer reads files, so hand it a private copy.
  const dir = mkdtempSync(join(tmpdir(), 'vpcsim-rev-'));
  try {
    const file = join(dir, basename(rev.path));
    writeFileSync(file, got.bytes);
    return loadInput(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function looksLikePlan(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 65536).toString('utf8');
  return /^\s*\{/.test(head) && /"(format_version|terraform_version)"\s*:/.test(head);
}
