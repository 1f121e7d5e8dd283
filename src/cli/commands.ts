// The table of commands: name, one-line summary, help, and the function that runs it.
// A new command is a file of its own and one row here.
import type { CliIo } from './io.js';
import { CHECK_HELP, runCheckCommand } from './command-check.js';
import { DIFF_HELP, runDiff } from './command-diff.js';
import { FMT_HELP, runFmt } from './command-fmt.js';
import { GRAPH_HELP, runGraph } from './command-graph.js';
import { IMPORT_HELP, runImport } from './command-import.js';
import { INIT_HELP, runInit } from './command-init.js';
import { REACH_HELP, runReach } from './command-reach.js';
import { RESOLVE_HELP, runResolve } from './command-resolve.js';
import { runSchema, SCHEMA_HELP } from './command-schema.js';
import { runTrace, TRACE_HELP } from './command-trace.js';
import { runValidate, VALIDATE_HELP } from './command-validate.js';

/** One command of the CLI. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  readonly run: (args: readonly string[], io: CliIo) => number | Promise<number>;
}

/** Every command, in the order `vpcsim --help` lists them. */
export const COMMANDS: readonly Command[] = [
  { name: 'validate', summary: 'check topology files and report every problem', help: VALIDATE_HELP, run: runValidate },
  { name: 'trace', summary: 'walk one flow and explain every hop', help: TRACE_HELP, run: runTrace },
  { name: 'resolve', summary: 'show what a DNS name resolves to from a place, and why', help: RESOLVE_HELP, run: runResolve },
  { name: 'graph', summary: 'draw the topology and a flow on it (mermaid, dot, svg, html)', help: GRAPH_HELP, run: runGraph },
  { name: 'reach', summary: 'the reachability relation between every source and destination at once', help: REACH_HELP, run: runReach },
  { name: 'diff', summary: 'the flows a change opens and closes, between two versions of a topology', help: DIFF_HELP, run: runDiff },
  { name: 'check', summary: 'run the checks in topology files (a CI gate)', help: CHECK_HELP, run: runCheckCommand },
  { name: 'import', summary: 'turn AWS describe output (a snapshot folder) into a topology file', help: IMPORT_HELP, run: runImport },
  { name: 'fmt', summary: 'print a topology in canonical form, or check or rewrite files', help: FMT_HELP, run: runFmt },
  { name: 'init', summary: 'write a commented starter topology that validates and passes', help: INIT_HELP, run: runInit },
  { name: 'schema', summary: 'print the topology JSON Schema', help: SCHEMA_HELP, run: runSchema },
];
