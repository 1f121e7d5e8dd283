// Reading a plan file and telling what it is by its content, never by its name: the JSON
// of `terraform show -json` (a plan: format_version + planned_values / resource_changes;
// a state: format_version + values.root_module), and the files people pass by mistake,
// each refused with the command that makes the right one: a binary plan (`terraform plan
// -out`, a zip archive), a `terraform plan -json` event stream (JSON lines), a raw
// terraform.tfstate, HCL configuration, or other JSON.
import { readFileSync, statSync } from 'node:fs';
import { MAX_JSON_VALUES, tooManyJsonValues } from '../count-json-values.js';
import { lineIndex, parseJsonWithPositions, type JsonOffsets } from './parse-json-positions.js';
import type { PlanErrorCode, PlanProblem } from './plan-problems.js';

/** The largest plan read. */
export const MAX_PLAN_BYTES = 64 * 1024 * 1024;

/** The CI recipe that makes the file vpcsim reads. */
export const SHOW_JSON = 'terraform plan -out tfplan && terraform show -json tfplan > plan.json';

/** A plan (or state) read: its JSON, where each object starts, and offsets -> line:col. */
export interface PlanText {
  readonly json: Readonly<Record<string, unknown>>;
  readonly offsets: JsonOffsets;
  readonly lineOf: (offset: number) => { line: number; col: number };
  /** 'plan' for terraform show -json of a plan, 'state' for one of a state. */
  readonly kind: 'plan' | 'state';
}

type Read = { readonly plan: PlanText } | { readonly error: PlanProblem<PlanErrorCode> };

const fail = (code: PlanErrorCode, message: string, line = 1, col = 1): Read => ({ error: { code, resource: '', path: '', line, col, message } });

/** What a file that is not show -json output looks like, if it is a known mistake. */
function mistakeOf(bytes: Buffer, text: string): string | undefined {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return `this is a binary plan file (the zip archive \`terraform plan -out\` writes); vpcsim reads its JSON form: terraform show -json FILE > plan.json`;
  }
  if (bytes.includes(0)) return `this is a binary file, not the JSON of \`terraform show -json\`; make one with: ${SHOW_JSON}`;
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length > 1 && lines.slice(0, 3).every((l) => /^\s*\{.*"@level"\s*:/.test(l))) {
    return `this is a \`terraform plan -json\` event stream (one JSON message per line), which holds no planned values; vpcsim reads \`terraform show -json\` of a saved plan: ${SHOW_JSON}`;
  }
  const code = text.replace(/^\s*(#|\/\/).*$/gm, '');
  if (/^\s*(resource|data|module|provider|variable|output|locals|terraform)\b[^\n]*\{/m.test(code) && !/^\s*[[{]/.test(code)) {
    return `this is Terraform configuration (HCL), not a plan; vpcsim reads what Terraform will build: ${SHOW_JSON}`;
  }
  return undefined;
}

/** Read and recognise a plan file. */
export function readPlanFile(path: string): Read {
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (!st.isFile()) return fail('FILE_UNREADABLE', `${path} is not a file`);
    if (st.size > MAX_PLAN_BYTES) return fail('FILE_UNREADABLE', `the file is ${st.size} bytes; vpcsim reads plans of at most ${MAX_PLAN_BYTES}`);
    bytes = readFileSync(path);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    return fail('FILE_UNREADABLE', `cannot read ${path}: ${why}`);
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const mistake = mistakeOf(bytes, text);
  if (mistake !== undefined) return fail('NOT_A_PLAN', mistake);
  if (tooManyJsonValues(text)) return fail('FILE_UNREADABLE', `the plan holds more than ${MAX_JSON_VALUES} JSON values; vpcsim reads plans of at most that many`);
  const parsed = parseJsonWithPositions(text);
  const lineOf = lineIndex(text);
  if (!parsed.ok) {
    const at = lineOf(parsed.offset);
    return fail('NOT_JSON', `${parsed.message}; make the plan with: ${SHOW_JSON}`, at.line, at.col);
  }
  const json = parsed.value;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('NOT_A_PLAN', `the JSON is not an object, so not \`terraform show -json\` output; make one with: ${SHOW_JSON}`);
  }
  const o = json as Readonly<Record<string, unknown>>;
  const version = o['format_version'];
  if (typeof version !== 'string') {
    if ('terraform_version' in o && 'resources' in o && 'version' in o) {
      return fail('NOT_A_PLAN', 'this is a raw Terraform state file (terraform.tfstate); vpcsim reads its JSON form: terraform show -json > state.json');
    }
    return fail('NOT_A_PLAN', `the JSON has no "format_version", so it is not \`terraform show -json\` output; make one with: ${SHOW_JSON}`);
  }
  if (!/^[01]\.\d+$/.test(version)) {
    const at = lineOf(parsed.offsets.get(o) ?? 0);
    return fail('UNSUPPORTED_FORMAT', `format_version "${version}" is not one vpcsim reads (0.1 to 1.x)`, at.line, at.col);
  }
  const isPlan = 'planned_values' in o || 'resource_changes' in o;
  const values = o['values'];
  const isState = typeof values === 'object' && values !== null && 'root_module' in values;
  if (!isPlan && !isState) {
    return fail('NOT_A_PLAN', `the JSON has a format_version but neither planned_values / resource_changes (a plan) nor values.root_module (a state); make a plan with: ${SHOW_JSON}`);
  }
  return { plan: { json: o, offsets: parsed.offsets, lineOf, kind: isPlan ? 'plan' : 'state' } };
}

/** Whether a file is (or is mistaken for) Terraform output, judged by its first bytes. */
export function looksLikeTerraformFile(path: string): boolean {
  if (/\.(ya?ml)$/i.test(path)) return false;
  try {
    if (!statSync(path).isFile()) return false;
    const head = readFileSync(path).subarray(0, 65536);
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return true;
    const text = head.toString('utf8');
    if (/^\s*\{/.test(text)) return /"(format_version|terraform_version|@level)"\s*:/.test(text);
    return /\.(tf|tfplan|tfstate|json)$/i.test(path) || /^\s*(resource|provider|terraform|module|variable)\s+("|\{)/m.test(text);
  } catch {
    return false;
  }
}
