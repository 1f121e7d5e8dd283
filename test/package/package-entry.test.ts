// The package as a user gets it: `npm pack` (the files package.json ships), unpacked into a
// fresh project's node_modules, imported by name through the `exports` map, with its types;
// and the README's library example run there as written.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const BUILD_MS = 240_000;
/** Each test runs node or tsc in a child process: generous on a busy machine. */
const CHILD_MS = 120_000;

/** The newest modification time of any file under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Build dist/ unless it is newer than every source file (npm ci and land.sh build it). */
function ensureBuilt(): void {
  let built = 0;
  try {
    built = statSync(join(ROOT, 'dist/src/index.js')).mtimeMs;
  } catch {
    built = 0;
  }
  if (built < newest(join(ROOT, 'src'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
}

let project = '';

function node(args: readonly string[]): string {
  return execFileSync(process.execPath, args, { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  ensureBuilt();
  project = mkdtempSync(join(tmpdir(), 'vpcsim-package-'));
  const modules = join(project, 'node_modules');
  mkdirSync(modules);
  const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], { cwd: ROOT, encoding: 'utf8' })) as { filename: string }[];
  execFileSync('tar', ['-xzf', join(project, packed[0]!.filename), '-C', modules]);
  renameSync(join(modules, 'package'), join(modules, 'vpcsim'));
  // The runtime dependencies, as npm would install them next to the package.
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const dep of Object.keys(pkg.dependencies)) {
    mkdirSync(dirname(join(modules, dep)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dep), join(modules, dep), 'dir');
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user', private: true, type: 'module' }));
  symlinkSync(join(modules, 'vpcsim', 'scenarios'), join(project, 'scenarios'), 'dir');
}, BUILD_MS);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the vpcsim package', () => {
  it('exports the documented API by name, and it works on a bundled scenario', { timeout: CHILD_MS }, () => {
    const script = `
      import * as api from 'vpcsim';
      const names = ['loadTopologyText', 'loadTopologyFile', 'loadInput', 'traceFlow', 'isQueryError', 'runCheck', 'runCheckFiles',
        'resolveName', 'computeReach', 'importAwsSnapshot', 'importTerraformPlan', 'formatTopology', 'hasErrors'];
      const missing = names.filter((n) => typeof api[n] !== 'function');
      const { topology } = api.loadTopologyFile('scenarios/privatelink-endpoint-service.yaml');
      const r = api.traceFlow(topology, { from: 'client', to: 'api.example.com', protocol: 'tcp', port: 443 });
      const run = api.runCheckFiles(['scenarios/privatelink-endpoint-service.yaml']);
      const bad = api.loadTopologyText('t.yaml', 'version: 1\\nname: x\\nvpcs: 3\\n');
      console.log(JSON.stringify({
        missing, kinds: api.COMPONENT_KINDS.length, reachable: r.reachable, path: r.traces[0].hops.map((h) => h.component.id),
        checks: run.files[0].checks.map((c) => c.status), bad: bad.diagnostics.map((d) => d.code + '@' + d.span.line + ':' + d.span.col),
      }));
    `;
    const out = JSON.parse(node(['--input-type=module', '-e', script])) as Record<string, unknown>;
    expect(out.missing).toEqual([]);
    expect(out.kinds).toBeGreaterThan(0);
    expect(out.reachable).toBe(true);
    expect(out.path).toEqual(expect.arrayContaining(['client', 'vpce-api/consumer-a', 'svc-api', 'nlb-api/provider-a', 'api-1']));
    expect(out.checks).not.toContain('error');
    expect(out.checks).not.toContain('fail');
    expect(out.bad).toEqual(['WRONG_TYPE@3:7']);
  });

  it('ships its types: a TypeScript user compiles against the package name', { timeout: CHILD_MS }, () => {
    writeFileSync(join(project, 'use.ts'), [
      "import { loadTopologyText, traceFlow, isQueryError, type Trace, type TraceResult } from 'vpcsim';",
      "const { topology } = loadTopologyText('t.yaml', 'version: 1');",
      "const r = topology ? traceFlow(topology, { from: 'a', to: 'b', protocol: 'tcp', port: 443 }) : undefined;",
      'const traces: readonly Trace[] = r && !isQueryError(r) ? (r as TraceResult).traces : [];',
      'export const n: number = traces.length;',
      '',
    ].join('\n'));
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    node([tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules/@types'), 'use.ts']);
  });

  it('runs the README library example as written', { timeout: CHILD_MS }, () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## As a library'));
    const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code).toBeDefined();
    expect(code!.trim().split('\n')).toHaveLength(5);
    writeFileSync(join(project, 'example.mjs'), code!);
    expect(node(['example.mjs'])).toBe('REACHABLE\n');
  });
});
