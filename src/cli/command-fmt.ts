// `vpcsim fmt FILE...`: print a topology in canonical form, keeping its comments; --check
// says which files are not in that form, --write rewrites them (docs/fmt.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { formatTopology } from '../model/serialize/format-topology.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { loadForCommand } from './load-for-command.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

/** Help text of the command. */
export const FMT_HELP = `usage: vpcsim fmt FILE
       vpcsim fmt --check FILE...
       vpcsim fmt --write FILE...

Prints the topology in canonical form on stdout: keys in the format's order, resources in
the order the file wrote them, CIDRs and addresses normalised, defaults left out, and an
address written only where the loader would not derive the same one. Comments are kept
(with the node they were written on; a comment on a value that is left out moves to the
nearest one kept), and so is a first "# yaml-language-server:" line, even after a byte
order mark. Loading the output gives the same model as loading FILE.
  --check  print nothing but the files not in canonical form; exit 1 when there is one
  --write  rewrite the files that are not in canonical form, in place
Exit 0, 1 for --check with a file not in canonical form, or 2 when a file has errors.
See docs/fmt.md.`;

/** The canonical text of a file, or undefined after printing its errors. */
function canonical(file: string, io: CliIo): { text: string; canonical: string } | undefined {
  const topology = loadForCommand(file, io);
  if (!topology) return undefined;
  const text = readFileSync(file, 'utf8');
  return { text, canonical: formatTopology(topology, undefined, text) };
}

/** Run the command. */
export function runFmt(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, { check: { type: 'boolean', default: false }, write: { type: 'boolean', default: false } });
  if (values.check && values.write) throw new UsageError('give --check or --write, not both');
  if (positionals.length === 0) throw new UsageError('name a topology file');
  if (!values.check && !values.write) {
    if (positionals.length !== 1) throw new UsageError('name exactly one topology file (or use --check or --write for several)');
    const r = canonical(positionals[0]!, io);
    if (!r) return EXIT.badInput;
    io.stdout.write(r.canonical);
    return EXIT.ok;
  }
  let bad = false;
  let differs = false;
  for (const file of new Set(positionals)) {
    const r = canonical(file, io);
    if (!r) {
      bad = true;
      continue;
    }
    if (r.text === r.canonical) continue;
    if (values.write) {
      writeFileSync(file, r.canonical);
      io.stderr.write(`vpcsim fmt: rewrote ${file}\n`);
    } else {
      differs = true;
      io.stdout.write(`${file}\n`);
    }
  }
  return bad ? EXIT.badInput : differs ? EXIT.failed : EXIT.ok;
}
