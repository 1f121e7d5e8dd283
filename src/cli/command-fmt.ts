// `vpcsim fmt FILE`: print a topology in canonical form (docs/fmt.md).
import { readFileSync } from 'node:fs';
import { formatTopology } from '../model/serialize/format-topology.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { loadForCommand } from './load-for-command.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

/** Help text of the command. */
export const FMT_HELP = `usage: vpcsim fmt FILE

Prints the topology in canonical form on stdout: keys in the format's order, resources in
the order the file wrote them, CIDRs and addresses normalised, defaults left out, and an
address written only where the loader would not derive the same one. Loading the output
gives the same model as loading FILE. Comments are not kept (except a first
"# yaml-language-server:" line). Exit 0, or 2 when FILE has errors. See docs/fmt.md.`;

const SCHEMA_COMMENT = '# yaml-language-server:';

/** Run the command. */
export function runFmt(args: readonly string[], io: CliIo): number {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length !== 1) throw new UsageError('name exactly one topology file');
  const file = positionals[0]!;
  const topology = loadForCommand(file, io);
  if (!topology) return EXIT.badInput;
  const first = readFileSync(file, 'utf8').split(/\r?\n/, 1)[0];
  io.stdout.write(formatTopology(topology, first?.startsWith(SCHEMA_COMMENT) ? first : undefined));
  return EXIT.ok;
}
