// `vpcsim import aws DIR [-o FILE]`: turn a folder of AWS describe output into a format v1
// topology. The importer (src/import/aws) does the work; this file parses flags, prints
// warnings and errors, and writes the YAML.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importAwsSnapshot, type ImportError, type ImportWarning } from '../import/aws/index.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** Help text of the command. */
export const IMPORT_HELP = `usage: vpcsim import aws DIR [-o FILE]

Reads a folder of AWS describe output (the JSON that aws ec2 describe-* and aws elbv2
describe-* print, one call per file, recognised by its top-level key; layouts: flat,
<region>/, accounts/<account-id>/<region>/) and prints a format v1 topology as YAML, with
AWS ids as ids. What vpcsim does not model (transit gateways, VPN, ALBs...) and what the
snapshot lacks is named in warnings, on stderr and at the top of the YAML: verdicts do not
account for it. A file that is not JSON, a describe output of the wrong shape, or a
reference to a resource the snapshot should hold and does not is an error naming the file
and the JSON path: exit 2, nothing written. docs/import.md has the mapping.

  -o, --output FILE   write the YAML to FILE instead of stdout`;

function where(dir: string, file: string, path: string): string {
  const f = file === '' ? dir : join(dir, file);
  return path === '' ? f : `${f} at ${path}`;
}

/** One error as printed: file and JSON path, code, message. */
export function formatImportError(dir: string, e: ImportError): string {
  return `${where(dir, e.file, e.path)}: error ${e.code}: ${e.message}`;
}

/** One warning as printed: file, code, message. */
export function formatImportWarning(dir: string, w: ImportWarning): string {
  return `${where(dir, w.file, '')}: warning ${w.code}: ${w.message}`;
}

/** Run the command. */
export function runImport(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' } },
  });
  const [source, dir, ...rest] = positionals;
  if (source === undefined) throw new UsageError('name the source: vpcsim import aws DIR');
  if (source !== 'aws') throw new UsageError(`unknown source "${source}"; vpcsim imports aws describe output (vpcsim import aws DIR)`);
  if (dir === undefined) throw new UsageError('name the folder of describe-output JSON files');
  if (rest.length > 0) throw new UsageError(`one folder at a time; unexpected ${rest.map((r) => `"${r}"`).join(', ')}`);
  if (values.output === '') throw new UsageError('-o needs a file name');

  const result = importAwsSnapshot(dir);
  for (const w of result.warnings) io.stderr.write(formatImportWarning(dir, w) + '\n');
  if (result.errors.length > 0) {
    for (const e of result.errors) io.stderr.write(formatImportError(dir, e) + '\n');
    const n = result.errors.length;
    io.stderr.write(`vpcsim import: ${n} error${n === 1 ? '' : 's'}; nothing written\n`);
    return EXIT.badInput;
  }
  if (values.output === undefined) {
    io.stdout.write(result.yaml);
    return EXIT.ok;
  }
  try {
    writeFileSync(values.output, result.yaml);
  } catch (e) {
    io.stderr.write(`vpcsim import: cannot write ${values.output}: ${(e as Error).message}\n`);
    return EXIT.badInput;
  }
  const n = result.warnings.length;
  io.stderr.write(`vpcsim import: wrote ${values.output}${n > 0 ? ` with ${n} warning${n === 1 ? '' : 's'}` : ''}\n`);
  return EXIT.ok;
}
