// `vpcsim validate FILE|DIR...`: load each topology and report every problem found.
import { hasErrors } from '../model/diagnostic.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { loadInput } from '../import/load-input.js';
import { echo } from './echo-argument.js';
import { EXIT } from './exit-codes.js';
import { expandInputs } from './input-files.js';
import type { CliIo } from './io.js';
import { diagnosticsJson, formatDiagnostic } from './print-diagnostics.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

/** Help text of the command. */
export const VALIDATE_HELP = `usage: vpcsim validate FILE|DIR... [--format text|json] [--excerpt | --no-excerpt]

Loads each topology file (folders: every .yaml/.yml inside) and reports every problem as
  file:line:col: error CODE: message
Codes are listed in docs/diagnostics.md. Exit 0 when every file is valid (warnings are
allowed), 2 when any file has an error.`;

/** Run the command. */
export function runValidate(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string', default: 'text' },
    excerpt: { type: 'boolean' },
    'no-excerpt': { type: 'boolean' },
  });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not ${echo(values.format)}`);
  if (positionals.length === 0) throw new UsageError('name at least one topology file or folder');
  const files = expandInputs(positionals);
  if (files.length === 0) throw new UsageError(`no .yaml files in ${positionals.map((p) => echo(p)).join(', ')}`);
  const all: Diagnostic[] = [];
  const results: { file: string; valid: boolean; diagnostics: Diagnostic[] }[] = [];
  for (const file of files) {
    const { diagnostics } = loadInput(file);
    all.push(...diagnostics);
    results.push({ file, valid: !hasErrors(diagnostics), diagnostics: [...diagnostics] });
  }
  if (values.format === 'json') {
    io.stdout.write(JSON.stringify({ valid: !hasErrors(all), files: results.map((r) => ({ file: r.file, valid: r.valid, diagnostics: diagnosticsJson(r.diagnostics) })) }, null, 2) + '\n');
  } else {
    const excerpt = values['no-excerpt'] ? false : values.excerpt ?? io.stdout.isTTY === true;
    for (const r of results) {
      for (const d of r.diagnostics) io.stdout.write(formatDiagnostic(d, excerpt) + '\n');
      const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = r.diagnostics.length - errors;
      const summary = errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : 'valid';
      io.stdout.write(`${r.file}: ${summary}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}\n`);
    }
  }
  return hasErrors(all) ? EXIT.badInput : EXIT.ok;
}
