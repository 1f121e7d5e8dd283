// Shape checks with ajv against the topology JSON Schema, every error mapped to the YAML
// node it is about: unknown keys point at the key (with "did you mean"), wrong values at
// the value. anyOf noise is folded into one message per node.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Diagnostic } from './diagnostic.js';
import type { DiagnosticCode } from './diagnostic-codes.js';
import { topologySchema } from './schema/topology-schema.js';
import type { SourceMap } from './source-map.js';
import { pointerSegment } from './source-map.js';
import { didYouMean } from './suggest.js';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  // Compiled once per process; strict mode off for the `description`/`default` annotations.
  compiled ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(topologySchema);
  return compiled;
}

/** Check plain data against the schema; every problem becomes a positioned diagnostic. */
export function validateSchema(data: unknown, sourceMap: SourceMap): Diagnostic[] {
  const validate = validator();
  if (validate(data)) return [];
  const errors = foldAnyOf(validate.errors ?? []);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const d = toDiagnostic(e, sourceMap);
    if (!d) continue;
    const key = `${d.code}|${d.span.line}|${d.span.col}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

// For each anyOf failure keep the errors of the one branch whose type fits the value (so a
// typo inside a selector object is still an UNKNOWN_KEY); otherwise keep the anyOf alone.
// Errors are matched to their anyOf by schema path and instance path through a map, so a
// file with thousands of failing selectors folds in linear time.
function foldAnyOf(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfs = new Map<string, { error: ErrorObject; inside: ErrorObject[] }>();
  for (const e of errors) {
    if (e.keyword === 'anyOf') anyOfs.set(`${e.schemaPath}|${e.instancePath}`, { error: e, inside: [] });
  }
  if (anyOfs.size === 0) return [...errors];
  for (const e of errors) {
    const instancePrefixes = [e.instancePath];
    for (let cut = e.instancePath.lastIndexOf('/'); cut >= 0; cut = e.instancePath.lastIndexOf('/', cut - 1)) {
      instancePrefixes.push(e.instancePath.slice(0, cut));
      if (cut === 0) break;
    }
    for (let at = e.schemaPath.indexOf('/anyOf/'); at >= 0; at = e.schemaPath.indexOf('/anyOf/', at + 1)) {
      const schemaPrefix = e.schemaPath.slice(0, at + '/anyOf'.length);
      for (const ip of instancePrefixes) anyOfs.get(`${schemaPrefix}|${ip}`)?.inside.push(e);
    }
  }
  const drop = new Set<ErrorObject>();
  for (const { error: a, inside } of anyOfs.values()) {
    const branches = new Map<string, ErrorObject[]>();
    for (const e of inside) {
      const branch = e.schemaPath.slice(a.schemaPath.length + 1).split('/')[0] ?? '';
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const typeFits = [...branches.entries()].filter(
      ([, errs]) => !errs.some((e) => e.keyword === 'type' && e.instancePath === a.instancePath),
    );
    inside.forEach((e) => drop.add(e));
    if (typeFits.length === 1) {
      drop.add(a);
      typeFits[0]![1].forEach((e) => drop.delete(e));
    }
  }
  return errors.filter((e) => !drop.has(e));
}

function describe(schema: unknown): string {
  const d = (schema as { description?: unknown } | undefined)?.description;
  return typeof d === 'string' ? d : 'a different value';
}

function toDiagnostic(e: ErrorObject, map: SourceMap): Diagnostic | undefined {
  const at = e.instancePath;
  const make = (code: DiagnosticCode, message: string, useKey: boolean): Diagnostic => ({
    code,
    severity: 'error',
    message,
    span: useKey ? map.keyAt(at) : map.valueAt(at),
  });
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const child = `${at}/${pointerSegment(key)}`;
      return {
        code: 'UNKNOWN_KEY',
        severity: 'error',
        message: `unknown key "${key}"${didYouMean(key, known)}`,
        span: map.keyAt(child),
      };
    }
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      return make('MISSING_FIELD', `missing required key "${missing}"`, true);
    }
    case 'type':
      if (at === '') {
        // The whole file: empty, a single scalar, or a list.
        const what = e.data === null || e.data === undefined ? 'is empty' : `is a YAML ${Array.isArray(e.data) ? 'list' : 'scalar'}`;
        return make('WRONG_TYPE', `a topology file is a YAML mapping (version: 1, name: ..., vpcs: ...); this file ${what}`, false);
      }
      return make('WRONG_TYPE', `expected ${String((e.params as { type: unknown }).type)}, got ${jsonType(e.data)}`, false);
    case 'const':
      if (at === '/version') {
        return make('UNSUPPORTED_VERSION', `version ${JSON.stringify(e.data)} is not supported; this vpcsim reads version 1`, false);
      }
      return make('BAD_VALUE', `expected ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`, false);
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const got = String(e.data);
      return make('BAD_VALUE', `"${got}" is not one of ${allowed.join(', ')}${didYouMean(got, allowed)}`, false);
    }
    case 'anyOf':
      return make('WRONG_TYPE', `expected ${describe(e.parentSchema)}`, false);
    case 'propertyNames': {
      const name = String((e.params as { propertyName: string }).propertyName);
      return {
        code: 'BAD_VALUE',
        severity: 'error',
        message: `"${name}" is not a valid id: use letters, digits, '.', '_' and '-', starting with a letter or digit`,
        span: map.keyAt(`${at}/${pointerSegment(name)}`),
      };
    }
    case 'pattern':
      // A propertyNames failure also reports the pattern on the name; the case above covers it.
      if (e.propertyName !== undefined) return undefined;
      return make('BAD_VALUE', `"${String(e.data)}" does not match ${String((e.params as { pattern: string }).pattern)}`, false);
    case 'minimum':
    case 'maximum':
    case 'minItems':
    case 'maxProperties':
    case 'minProperties':
      return make('BAD_VALUE', `${e.message ?? 'value out of range'}`, false);
    default:
      return make('BAD_VALUE', e.message ?? 'invalid value', false);
  }
}
