// Shared by the importer tests: where the real snapshots are, and an import that must
// succeed, returned as YAML text, parsed data and the loaded topology.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { importAwsSnapshot, type ImportResult } from '../../src/import/aws/index.js';
import type { RawTopology } from '../../src/model/format.js';
import { loadTopologyText } from '../../src/model/load-topology.js';
import type { Topology } from '../../src/model/topology.js';

/** The real AWS snapshots (CI checks out shared/ beside the repository). */
export const AWS_FIXTURES = resolve('test/fixtures/aws');

/** The importer's own small snapshots. */
export const LOCAL_FIXTURES = resolve('test/import/fixtures');

/** An import that must succeed and load without errors. */
export interface Imported {
  readonly result: ImportResult;
  readonly raw: RawTopology;
  readonly topology: Topology;
}

/** Import a folder; throw with every problem if it does not import and load cleanly. */
export function imported(dir: string): Imported {
  const result = importAwsSnapshot(dir);
  if (result.errors.length > 0) {
    throw new Error(`import errors:\n${result.errors.map((e) => `${e.file} ${e.path} ${e.code} ${e.message}`).join('\n')}`);
  }
  const { topology, diagnostics } = loadTopologyText(`${dir}.yaml`, result.yaml);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!topology || errors.length > 0) {
    throw new Error(`imported YAML does not load:\n${errors.map((d) => `${d.span.line}:${d.span.col} ${d.code} ${d.message}`).join('\n')}`);
  }
  return { result, raw: parse(result.yaml) as RawTopology, topology };
}

/** Warnings as `CODE resource`, the form tests assert. */
export function warningKeys(result: ImportResult): string[] {
  return result.warnings.map((w) => `${w.code} ${w.resource}`);
}

/** A snapshot folder written from describe-output objects by file name (folders allowed). */
export function writeSnapshot(files: Record<string, unknown>, prefix = 'vpcsim-snapshot-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, json] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), typeof json === 'string' ? json : JSON.stringify(json));
  }
  return dir;
}
