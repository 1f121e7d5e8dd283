// bin/vpcsim.js in a source checkout refuses a dist/ build older than src/ (after a
// `git pull` without `npm ci` it would answer with the old engine), and runs a fresh one.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function checkout(srcNewer: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'vpcsim-stale-'));
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'dist/src/cli'), { recursive: true });
  mkdirSync(join(root, 'src'));
  copyFileSync('bin/vpcsim.js', join(root, 'bin/vpcsim.js'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }');
  writeFileSync(join(root, 'dist/src/cli/main.js'), 'export async function runCli() { process.stdout.write("ran\\n"); return 0; }\n');
  writeFileSync(join(root, 'src/main.ts'), '');
  const [src, dist] = srcNewer ? [2_000_000_000, 1_000_000_000] : [1_000_000_000, 2_000_000_000];
  utimesSync(join(root, 'src/main.ts'), src, src);
  utimesSync(join(root, 'dist/src/cli/main.js'), dist, dist);
  return root;
}

describe('a stale build', () => {
  it('is refused with exit 2 and what to run', () => {
    const r = spawnSync(process.execPath, [join(checkout(true), 'bin/vpcsim.js'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('older than the sources in src/; run `npm run build`');
  });

  it('a build newer than the sources runs', () => {
    const r = spawnSync(process.execPath, [join(checkout(false), 'bin/vpcsim.js'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('ran\n');
  });
});
