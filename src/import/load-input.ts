// What commands accept as a topology: a format-v1 YAML file, a folder of AWS describe
// output (an AWS snapshot), or a Terraform plan (`terraform show -json`, recognised by its
// content), imported in memory. Import errors become diagnostics naming the snapshot file
// and JSON path, or the plan's line:col; a plan's warnings become IMPORT_WARNING
// diagnostics, so no command drops them silently.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { loadTopologyFile, loadTopologyText, type LoadResult } from '../model/load-topology.js';
import type { ChecksFile } from '../model/checks-file.js';
import { fileStartSpan } from '../model/span.js';
import { importAwsSnapshot, type ImportWarning } from './aws/index.js';
import { importTerraformPlan, looksLikeTerraformFile } from './terraform/index.js';
import { planSourceMap } from './terraform/plan-source-map.js';

/**
 * The YAML an importer wrote is ours, not hostile input: a large estate may exceed the bounds
 * on users' files. The importers bound their own input (64 MiB, 5,000,000 JSON values).
 */
const IMPORTED_BOUNDS = { maxBytes: 64 * 1024 * 1024, maxNodes: 20_000_000 } as const;

/** Whether a path is a folder that holds AWS describe JSON (and no topology YAML). */
export function isSnapshotFolder(path: string): boolean {
  try {
    if (!statSync(path).isDirectory()) return false;
    const names: string[] = [];
    const walk = (dir: string, depth: number): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory() && depth < 4) walk(join(dir, e.name), depth + 1);
        else names.push(e.name);
      }
    };
    walk(path, 0);
    return names.some((n) => n.endsWith('.json')) && !names.some((n) => n.endsWith('.yaml') || n.endsWith('.yml'));
  } catch {
    return false;
  }
}

/** Import a Terraform plan and load the result, with the plan's positions. */
function loadPlan(path: string, checks: ChecksFile | undefined): LoadResult {
  const imported = importTerraformPlan(path);
  const at = (p: { line: number; col: number }) => ({ file: path, line: p.line, col: p.col, endLine: p.line, endCol: p.col });
  const warnings: Diagnostic[] = imported.warnings.map((w) => ({
    code: 'IMPORT_WARNING', severity: 'warning', message: `${w.code}${w.resource ? ` ${w.resource}` : ''}: ${w.message}`, span: at(w),
  }));
  if (imported.errors.length > 0) {
    const errors: Diagnostic[] = imported.errors.map((e) => ({
      code: 'IMPORT_FAILED', severity: 'error', message: `${e.code}${e.path ? ` at ${e.path}` : ''}: ${e.message}`, span: at(e),
    }));
    return { topology: undefined, diagnostics: sortDiagnostics([...errors, ...warnings]) };
  }
  const loaded = loadTopologyText(`${path} (imported)`, imported.yaml, {
    ...IMPORTED_BOUNDS,
    mapSources: (yaml) => planSourceMap(path, imported.locations, yaml),
    ...(checks ? { checks } : {}),
  });
  return { topology: loaded.topology, diagnostics: sortDiagnostics([...warnings, ...loaded.diagnostics]) };
}

/** How loadInput reports a snapshot's import warnings. */
export interface LoadInputOptions {
  /** Every warning as its own IMPORT_WARNING diagnostic; else one that sums them up. */
  readonly verbose?: boolean;
  /** Checks from a separate file, run after the input's own (`vpcsim check --checks`). */
  readonly checks?: ChecksFile;
}

/**
 * A snapshot's import warnings as diagnostics: one IMPORT_WARNING that counts them by code
 * (and says how to see them), or with `verbose` one per warning, located in its file.
 */
function snapshotWarnings(path: string, warnings: readonly ImportWarning[], verbose: boolean): Diagnostic[] {
  if (warnings.length === 0) return [];
  if (verbose) {
    return warnings.map((w) => ({
      code: 'IMPORT_WARNING', severity: 'warning',
      message: `${w.code}${w.resource ? ` ${w.resource}` : ''}${w.path ? ` at ${w.path}` : ''}: ${w.message}`,
      span: fileStartSpan(w.file ? join(path, w.file) : path),
    }));
  }
  const counts = new Map<string, number>();
  for (const w of warnings) counts.set(w.code, (counts.get(w.code) ?? 0) + 1);
  const byCode = [...counts].map(([c, n]) => `${c} ${n}`).join(', ');
  return [{
    code: 'IMPORT_WARNING', severity: 'warning',
    message: `the snapshot imported with ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (${byCode}); verdicts do not account for what they name: --verbose lists them, \`vpcsim import aws\` writes them into the file`,
    span: fileStartSpan(path),
  }];
}

/** Load a topology file, or import a snapshot folder or a Terraform plan and load the result. */
export function loadInput(path: string, options: LoadInputOptions = {}): LoadResult {
  const checks = options.checks ? { checks: options.checks } : {};
  if (looksLikeTerraformFile(path)) return loadPlan(path, options.checks);
  if (!isSnapshotFolder(path)) return loadTopologyFile(path, checks);
  const imported = importAwsSnapshot(path);
  if (imported.errors.length > 0) {
    const diagnostics: Diagnostic[] = imported.errors.map((e) => ({
      code: 'IMPORT_FAILED',
      severity: 'error',
      message: `${e.code}${e.path ? ` at ${e.path}` : ''}: ${e.message}`,
      span: fileStartSpan(e.file ? join(path, e.file) : path),
    }));
    return { topology: undefined, diagnostics };
  }
  // The YAML is ours, not hostile input: a large estate may exceed the bound on users' files.
  const loaded = loadTopologyText(`${path} (imported)`, imported.yaml, { ...IMPORTED_BOUNDS, ...checks });
  return { topology: loaded.topology, diagnostics: [...snapshotWarnings(path, imported.warnings, options.verbose === true), ...loaded.diagnostics] };
}
