// Reading a snapshot folder: every .json file below it, in path order, parsed, with the
// account and region its place in the layout gives. Layouts: flat, `<region>/`, and
// `accounts/<account-id>/<region>/` (the Batfish AWS snapshot layout); any other nesting
// is read too, with whatever account or region its folder names carry.
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { MAX_JSON_VALUES, tooManyJsonValues } from '../count-json-values.js';
import { cmp, type Problems } from './problems.js';

/** One parsed JSON file of the snapshot. */
export interface SnapshotFile {
  /** Path relative to the snapshot folder, with '/' separators. */
  readonly rel: string;
  /** The folder part of rel ('' at the top). */
  readonly dir: string;
  /** Account id from an `accounts/<id>/` folder. */
  readonly account: string | undefined;
  /** Region from a folder named like one (us-east-1). */
  readonly region: string | undefined;
  readonly json: unknown;
}

/** The largest file read (real estates produce big describe outputs). */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ACCOUNT = /^\d{12}$/;

/** Whether a name is an AWS region name. */
export function isRegionName(name: string): boolean {
  return REGION.test(name);
}

function layoutOf(rel: string): { account: string | undefined; region: string | undefined } {
  const parts = rel.split('/').slice(0, -1);
  let account: string | undefined;
  let region: string | undefined;
  parts.forEach((p, i) => {
    if (i > 0 && parts[i - 1] === 'accounts' && ACCOUNT.test(p)) account = p;
    if (REGION.test(p)) region = p;
  });
  return { account, region };
}

/** " at line L, column C" from the position a JSON.parse message names, if it names one. */
function where(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '';
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  return ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/** A .json path of the folder, and what it is when it is not a regular file (never opened then). */
interface Listed {
  readonly path: string;
  readonly special: string | undefined;
}

function kindOf(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isDirectory()) return 'a folder';
  return 'not a regular file';
}

// A symbolic link to a .json file is read like the file (topology YAML files are followed
// the same way); a link to a folder is not walked (a link may loop). The file type is
// checked with stat before anything is opened: opening a named pipe would block.
function listJsonFiles(root: string): Listed[] {
  const out: Listed[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => cmp(a.name, b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        walk(p);
        continue;
      }
      if (!e.name.toLowerCase().endsWith('.json')) continue;
      if (e.isFile()) {
        out.push({ path: p, special: undefined });
        continue;
      }
      let special: string | undefined;
      try {
        special = kindOf(statSync(p));
      } catch (err) {
        special = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'a symbolic link to nothing' : `not readable (${(err as Error).message})`;
      }
      if (special === 'a folder') continue;
      out.push({ path: p, special });
    }
  };
  walk(root);
  return out;
}

/** Read and parse every .json file of a snapshot folder; report what cannot be read. */
export function readSnapshotFolder(root: string, problems: Problems): SnapshotFile[] {
  let paths: Listed[];
  try {
    if (!statSync(root).isDirectory()) {
      problems.error('NOT_A_SNAPSHOT', '', '', `${root} is not a folder; name the folder that holds the describe-output .json files`);
      return [];
    }
    paths = listJsonFiles(root);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (e as Error).message;
    problems.error('NOT_A_SNAPSHOT', '', '', `cannot read ${root}: ${why}`);
    return [];
  }
  if (paths.length === 0) {
    problems.error('NOT_A_SNAPSHOT', '', '', `${root} holds no .json file (expected aws ec2 / elbv2 describe output)`);
    return [];
  }
  const files: SnapshotFile[] = [];
  for (const { path, special } of paths) {
    const rel = relative(root, path).split(sep).join('/');
    if (special !== undefined) {
      problems.error('FILE_UNREADABLE', rel, '', `the file is ${special}; the importer reads regular files (or links to them) only`);
      continue;
    }
    let text: string;
    try {
      const size = statSync(path).size;
      if (size > MAX_JSON_BYTES) {
        problems.error('FILE_UNREADABLE', rel, '', `the file is ${size} bytes; the importer reads at most ${MAX_JSON_BYTES}`);
        continue;
      }
      text = readFileSync(path, 'utf8');
    } catch (e) {
      problems.error('FILE_UNREADABLE', rel, '', `cannot read the file: ${(e as Error).message}`);
      continue;
    }
    if (tooManyJsonValues(text)) {
      problems.error('FILE_UNREADABLE', rel, '', `the file holds more than ${MAX_JSON_VALUES} JSON values; the importer reads at most that many (split the describe output)`);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (e) {
      problems.error('NOT_JSON', rel, '', `not valid JSON${where(text, (e as Error).message)} (${(e as Error).message}); the importer reads the JSON that aws ... describe-* prints`);
      continue;
    }
    const slash = rel.lastIndexOf('/');
    files.push({ rel, dir: slash < 0 ? '' : rel.slice(0, slash), ...layoutOf(rel), json });
  }
  return files;
}
