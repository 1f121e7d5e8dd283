// `vpcsim init [FILE]`: write a commented starter topology that validates and whose one
// check passes (starter-topology.ts), never over an existing file.
import { existsSync, writeFileSync } from 'node:fs';
import { EXIT } from './exit-codes.js';
import { parseCommandArgs } from './parse-command-args.js';
import type { CliIo } from './io.js';
import { STARTER_TOPOLOGY } from './starter-topology.js';
import { UsageError } from './usage-error.js';

/** Help text of the command. */
export const INIT_HELP = `usage: vpcsim init [FILE]

Writes a commented starter topology to FILE (default: topology.yaml): a consumer VPC with
an app instance, an interface endpoint for AWS Secrets Manager with private DNS, and one
check that the app reaches the service through the endpoint. It validates and its check
passes; edit it from there (docs/format.md). An existing FILE is never overwritten.
Exit 0, or 2 when FILE exists or cannot be written.`;

/** Run the command. */
export function runInit(args: readonly string[], io: CliIo): number {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length > 1) throw new UsageError('name at most one file to write');
  const file = positionals[0] ?? 'topology.yaml';
  if (existsSync(file)) {
    io.stderr.write(`vpcsim init: ${file} already exists; name another file (vpcsim init FILE)\n`);
    return EXIT.badInput;
  }
  try {
    writeFileSync(file, STARTER_TOPOLOGY, { flag: 'wx' });
  } catch (e) {
    io.stderr.write(`vpcsim init: cannot write ${file}: ${(e as Error).message}\n`);
    return EXIT.badInput;
  }
  io.stdout.write(`wrote ${file}; next: vpcsim check ${file}\n`);
  return EXIT.ok;
}
