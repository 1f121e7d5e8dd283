// What commands accept as a topology: a format-v1 YAML file, a folder of AWS describe
// output (an AWS snapshot), or a Terraform plan (`terraform show -json`, recognised by its
// content), imported in memory. Import errors become diagnostics naming the snapshot file
// and JSON path, or the plan's line:col; a plan's warnings become IMPORT_WARNING
// diagnostics, so no command drops them silently.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { loadTopologyFile, loadTopologyText, type LoadResult } from '../model/load-topology.js';
import { fileStartSpan } from '../model/span.js';
import { importAwsSnapshot } from './aws/index.js';
import { importTerraformPlan, looksLikeTerraformFile } from './terraform/index.js';
import { planSourceMap } from './terraform/plan-source-map.js';

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
function loadPlan(path: string): LoadResult {
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
    maxBytes: 64 * 1024 * 1024,
    mapSources: (yaml) => planSourceMap(path, imported.locations, yaml),
  });
  return { topology: loaded.topology, diagnostics: sortDiagnostics([...warnings, ...loaded.diagnostics]) };
}

/** Load a topology file, or import a snapshot folder or a Terraform plan and load the result. */
export function loadInput(path: string): LoadResult {
  if (looksLikeTerraformFile(path)) return loadPlan(path);
  if (!isSnapshotFolder(path)) return loadTopologyFile(path);
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
  return loadTopologyText(`${path} (imported)`, imported.yaml, { maxBytes: 64 * 1024 * 1024 });
}
