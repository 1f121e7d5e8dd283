// `npm pack` makes a package that works on its own: the tarball holds the built CLI, the
// schema and the scenarios (no sources, no tests), installs into an empty folder from the
// npm cache (`--prefer-offline`: no network beyond the registry, none when cached), and
// its `vpcsim` runs: --version, and check on a scenario shipped in the package.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/version.js';

const built = existsSync('dist/src/cli/main.js');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; bin: Record<string, string>; files: string[]; repository: { type: string; url: string } };

function npm(args: string[], cwd: string): { code: number; out: string; err: string } {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('the npm package', () => {
  it('says where it comes from and what it ships', () => {
    expect(pkg.version).toBe(VERSION);
    expect(pkg.bin).toEqual({ vpcsim: 'bin/vpcsim.js' });
    expect(pkg.repository.type).toBe('git');
    expect(pkg.files).toEqual(expect.arrayContaining(['bin', 'dist/src', 'schema']));
  });

  // The pack uses the dist/ that `npm ci` (prepare) or `npm run build` made: building here
  // would rewrite dist/ under the other test files that run it.
  it.skipIf(!built)('packs the built CLI, installs from the tarball into an empty folder, and runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcsim-pack-'));
    const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], process.cwd());
    expect(packed.code, packed.err).toBe(0);
    const [info] = JSON.parse(packed.out) as { filename: string; files: { path: string }[] }[];
    const files = info!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['bin/vpcsim.js', 'dist/src/cli/main.js', 'schema/topology.schema.json', 'package.json', 'README.md']));
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('src/') || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);

    const app = join(dir, 'app');
    spawnSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'vpcsim-pack-test', version: '1.0.0', private: true }));
    const installed = npm(['install', '--prefer-offline', '--no-save', '--ignore-scripts', join(dir, info!.filename)], app);
    expect(installed.code, installed.err).toBe(0);
    const bin = join(app, 'node_modules', '.bin', 'vpcsim');
    const version = spawnSync(bin, ['--version'], { cwd: app, encoding: 'utf8' });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toContain(VERSION);
    const check = spawnSync(bin, ['check', 'node_modules/vpcsim/scenarios/interface-endpoint-kms.yaml'], { cwd: app, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  }, 180_000);
});
