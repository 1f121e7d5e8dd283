// Command arguments naming files or folders -> the topology files to read, sorted, so
// output order never depends on the file system.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isSnapshotFolder } from '../import/load-input.js';

/** Whether a path names a topology file by its extension. */
export function isTopologyFile(path: string): boolean {
  return path.endsWith('.yaml') || path.endsWith('.yml');
}

/** Expand folders (recursively) into their .yaml / .yml files; files and snapshot folders pass through. */
export function expandInputs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir || isSnapshotFolder(arg)) {
      // Files, and AWS snapshot folders (imported in memory), are inputs as they are.
      out.push(arg);
      continue;
    }
    const walk = (dir: string): void => {
      const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
      for (const e of entries) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (isTopologyFile(e.name)) out.push(p);
      }
    };
    walk(arg);
  }
  return out;
}
