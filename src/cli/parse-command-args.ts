// `node:util` parseArgs, stricter: a flag given twice is refused (parseArgs would keep the
// last one silently, so `--port 443 --port 80` would trace port 80 without a word), and so
// are a flag and its `--no-` form together. Unknown flags are refused by parseArgs itself.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { echo } from './echo-argument.js';
import { UsageError } from './usage-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What parseArgs gives for these options: the values by flag name, and the positionals. */
export type ParsedArgs<O extends Options> = Pick<ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>, 'values' | 'positionals'>;

/** Parse a command's arguments; UsageError on a repeated or contradicted flag. */
export function parseCommandArgs<O extends Options>(args: readonly string[], options: O): ParsedArgs<O> {
  const parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options, tokens: true });
  const seen = new Set<string>();
  for (const t of parsed.tokens) {
    if (t.kind !== 'option') continue;
    if (seen.has(t.name)) throw new UsageError(`${echo(t.rawName)} is given twice; give each flag once`);
    seen.add(t.name);
  }
  for (const name of seen) {
    if (name.startsWith('no-') && seen.has(name.slice(3))) throw new UsageError(`--${name.slice(3)} and --${name} contradict each other; give one of them`);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
