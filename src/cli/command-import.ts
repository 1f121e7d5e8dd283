// `vpcsim import aws DIR [-o FILE]` and `vpcsim import terraform PLAN.json [-o FILE]`: turn
// a folder of AWS describe output, or `terraform show -json` of a plan, into a format v1
// topology. The importers (src/import/aws, src/import/terraform) do the work; this file
// parses flags, prints warnings and errors, and writes the YAML.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importAwsSnapshot, type ImportError, type ImportWarning } from '../import/aws/index.js';
import { importTerraformPlan, type PlanProblem } from '../import/terraform/index.js';
import { echo } from './echo-argument.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { parseCommandArgs } from './parse-command-args.js';
import { refuseOverwrite } from './refuse-overwrite.js';
import { UsageError } from './usage-error.js';

/** Help text of the command. */
export const IMPORT_HELP = `usage: vpcsim import aws DIR [-o FILE]
       vpcsim import terraform PLAN.json [-o FILE]

Reads a folder of AWS describe output (the JSON that aws ec2 describe-* and aws elbv2
describe-* print, one call per file, recognised by its top-level key; layouts: flat,
<region>/, accounts/<account-id>/<region>/) and prints a format v1 topology as YAML, with
AWS ids as ids. What vpcsim does not model (transit gateways, VPN, ALBs...) and what the
snapshot lacks is named in warnings, on stderr and at the top of the YAML: verdicts do not
account for it. A file that is not JSON, a describe output of the wrong shape, or a
reference to a resource the snapshot should hold and does not is an error naming the file
and the JSON path: exit 2, nothing written. docs/import.md has the mapping.

import terraform reads the JSON of \`terraform show -json\` (of a saved plan, or of a state)
and writes the design as a topology whose ids are Terraform addresses; warnings and errors
name plan.json:line:col. A binary plan, a \`terraform plan -json\` stream or HCL is refused
with the command that makes the right file. docs/terraform.md has the mapping.

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

/** One plan problem as printed: plan:line:col, severity, code, message. */
export function formatPlanProblem(file: string, severity: 'error' | 'warning', p: PlanProblem<string>): string {
  return `${file}:${p.line}:${p.col}: ${severity} ${p.code}: ${p.message}`;
}

function write(yaml: string, output: string | undefined, warnings: number, io: CliIo): number {
  if (output === undefined) {
    io.stdout.write(yaml);
    return EXIT.ok;
  }
  try {
    writeFileSync(output, yaml);
  } catch (e) {
    io.stderr.write(`vpcsim import: cannot write ${output}: ${(e as Error).message}\n`);
    return EXIT.badInput;
  }
  io.stderr.write(`vpcsim import: wrote ${output}${warnings > 0 ? ` with ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}\n`);
  return EXIT.ok;
}

function runTerraform(plan: string, output: string | undefined, io: CliIo): number {
  const result = importTerraformPlan(plan);
  for (const w of result.warnings) io.stderr.write(formatPlanProblem(plan, 'warning', w) + '\n');
  if (result.errors.length > 0) {
    for (const e of result.errors) io.stderr.write(formatPlanProblem(plan, 'error', e) + '\n');
    const n = result.errors.length;
    io.stderr.write(`vpcsim import: ${n} error${n === 1 ? '' : 's'}; nothing written\n`);
    return EXIT.badInput;
  }
  return write(result.yaml, output, result.warnings.length, io);
}

/** Run the command. */
export function runImport(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, { output: { type: 'string', short: 'o' } });
  const [source, dir, ...rest] = positionals;
  if (source === undefined) throw new UsageError('name the source: vpcsim import aws DIR, or vpcsim import terraform PLAN.json');
  if (source !== 'aws' && source !== 'terraform') {
    throw new UsageError(`unknown source ${echo(source)}; vpcsim imports aws describe output (vpcsim import aws DIR) and Terraform plans (vpcsim import terraform PLAN.json)`);
  }
  if (dir === undefined) throw new UsageError(source === 'aws' ? 'name the folder of describe-output JSON files' : 'name the plan file (terraform show -json tfplan > plan.json)');
  if (rest.length > 0) throw new UsageError(`one ${source === 'aws' ? 'folder' : 'plan'} at a time; unexpected ${rest.map((r) => echo(r)).join(', ')}`);
  if (values.output === '') throw new UsageError('-o needs a file name');
  if (values.output !== undefined) refuseOverwrite('--output', values.output, [dir]);
  if (source === 'terraform') return runTerraform(dir, values.output, io);

  const result = importAwsSnapshot(dir);
  for (const w of result.warnings) io.stderr.write(formatImportWarning(dir, w) + '\n');
  if (result.errors.length > 0) {
    for (const e of result.errors) io.stderr.write(formatImportError(dir, e) + '\n');
    const n = result.errors.length;
    io.stderr.write(`vpcsim import: ${n} error${n === 1 ? '' : 's'}; nothing written\n`);
    return EXIT.badInput;
  }
  return write(result.yaml, values.output, result.warnings.length, io);
}
