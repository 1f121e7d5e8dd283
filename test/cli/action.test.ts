// The composite GitHub Action (action.yml at the root): its shape, and its `check` step's
// script run with bash against bundled scenarios, with a stand-in for the GITHUB_* files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step { readonly id?: string; readonly run?: string; readonly uses?: string; readonly if?: string; readonly with?: Record<string, string> }
interface Action {
  readonly inputs: Record<string, { default?: string }>;
  readonly runs: { readonly using: string; readonly steps: readonly Step[] };
}

const action = parse(readFileSync('action.yml', 'utf8')) as Action;
const script = action.runs.steps.find((s) => s.id === 'check')!.run!;
const built = existsSync('dist/src/cli/main.js');

function runScript(paths: string, format: string): { code: number; out: string; output: string; sarif: string; summary: string } {
  const dir = mkdtempSync(join(tmpdir(), 'vpcsim-action-'));
  const file = join(dir, 'check.sh');
  writeFileSync(file, script);
  const output = join(dir, 'github-output');
  const summary = join(dir, 'step-summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const sarif = join(dir, 'vpcsim.sarif');
  const r = spawnSync('bash', [file], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir,
      GITHUB_ACTIONS: 'true', GITHUB_ACTION_PATH: resolve('.'), GITHUB_WORKSPACE: resolve('.'),
      GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary,
      VPCSIM_PATHS: paths, VPCSIM_FORMAT: format, VPCSIM_SARIF: sarif,
    },
  });
  return { code: r.status ?? -1, out: r.stdout, output: readFileSync(output, 'utf8'), sarif, summary: readFileSync(summary, 'utf8') };
}

describe('action.yml', () => {
  it('is a composite action with inputs paths and format that runs vpcsim check and uploads SARIF', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'format']));
    expect(script).toMatch(/vpcsim check "\$\{paths\[@\]\}" --format "\$VPCSIM_FORMAT"/);
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.if).toMatch(/always\(\)/);
    expect(upload?.with?.sarif_file).toBe('${{ steps.check.outputs.sarif-file }}');
  });

  it.skipIf(!built)('its script passes on the bundled scenarios, writes SARIF and the step outputs', () => {
    const r = runScript('scenarios/interface-endpoint-kms.yaml\nscenarios/s3-gateway-endpoint.yaml', 'github');
    expect(r.code).toBe(0);
    expect(r.output).toContain('exit-code=0');
    expect(r.output).toContain(`sarif-file=${r.sarif}`);
    const sarif = JSON.parse(readFileSync(r.sarif, 'utf8')) as { version: string; runs: { tool: { driver: { name: string } } }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.name).toBe('vpcsim');
    expect(r.summary.length).toBeGreaterThan(0); // --format github appends a job summary
  }, 60_000);

  it.skipIf(!built)('its script fails with exit 1 and an annotation when a check fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcsim-action-topology-'));
    const text = readFileSync('scenarios/interface-endpoint-kms.yaml', 'utf8').replace(/expect: unreachable\n\s+because: ENI_SG_RULES_MISMATCH/, 'expect: reachable');
    writeFileSync(join(dir, 'broken.yaml'), text);
    const r = runScript(dir, 'github');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/::error file=[^,]*broken\.yaml,line=\d+/);
    expect(r.output).toContain('exit-code=1');
    expect(existsSync(r.sarif)).toBe(true);
  }, 60_000);
});
