#!/usr/bin/env node
// The vpcsim command. The TypeScript sources are compiled to dist/ by `npm run build`
// (run automatically by `npm ci` / `npm install` through the `prepare` script).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('vpcsim: not built yet; run `npm run build` (or `npm ci`) in the vpcsim folder\n');
  process.exit(2);
}

/** The newest modification time of the files under a folder (0 when it does not exist). */
function newest(dir) {
  let t = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = `${d}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else t = Math.max(t, statSync(p).mtimeMs);
    }
  };
  if (existsSync(dir)) walk(dir);
  return t;
}

// In a source checkout (src/ beside dist/), a build older than the sources would answer
// with yesterday's engine: after `git pull` without `npm ci`, say so instead.
const src = fileURLToPath(new URL('../src', import.meta.url));
if (existsSync(src) && newest(src) > newest(fileURLToPath(new URL('../dist/src', import.meta.url)))) {
  process.stderr.write('vpcsim: the build in dist/ is older than the sources in src/; run `npm run build` (or `npm ci`) in the vpcsim folder\n');
  process.exit(2);
}
// A reader that stops early (`vpcsim reach --format csv | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { runCli } = await import(main.href);
process.exitCode = await runCli(process.argv.slice(2), process);
