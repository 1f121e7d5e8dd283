// `vpcsim schema`: print the topology JSON Schema (draft-07), as in schema/topology.schema.json.
import { topologySchema } from '../model/schema/topology-schema.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { echo } from './echo-argument.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

/** Help text of the command. */
export const SCHEMA_HELP = `usage: vpcsim schema

Prints the JSON Schema of the topology format. Point an editor at it with a first line of
  # yaml-language-server: $schema=<path>/schema/topology.schema.json`;

/** The schema as the exact text of schema/topology.schema.json. */
export function schemaText(): string {
  return JSON.stringify(topologySchema, null, 2) + '\n';
}

/** Run the command. */
export function runSchema(args: readonly string[], io: CliIo): number {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length > 0) throw new UsageError(`schema takes no arguments; unexpected ${positionals.map((p) => echo(p)).join(', ')}`);
  io.stdout.write(schemaText());
  return EXIT.ok;
}
