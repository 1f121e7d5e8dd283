// A command that writes a file (`--output`) must never write over one of its own inputs:
// `vpcsim check topo.yaml --format junit --output topo.yaml` would destroy the topology.
// Paths are compared after resolving symlinks, so a link to an input counts as the input.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Every file an input stands for: the file, or each JSON file inside a folder (an AWS snapshot). */
function filesOf(input: string, out: string[], depth = 0): void {
  let dir = false;
  try {
    dir = statSync(input).isDirectory();
  } catch {
    dir = false;
  }
  if (!dir) {
    if (depth === 0) out.push(real(input));
    return;
  }
  if (depth > 6) return;
  let names: string[] = [];
  try {
    names = readdirSync(input);
  } catch {
    return;
  }
  for (const n of names) {
    const p = join(input, n);
    if (n.endsWith('.json')) out.push(real(p));
    else filesOf(p, out, depth + 1);
  }
}

/** Throw a UsageError when `output` names one of the inputs (files, and snapshot folders as expanded by the command). */
export function refuseOverwrite(flag: string, output: string, inputs: readonly string[]): void {
  const target = real(output);
  const files: string[] = [];
  for (const i of inputs) filesOf(i, files);
  if (files.includes(target)) throw new UsageError(`${flag} ${output} is one of the input files; refusing to overwrite it`);
}
