import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadTopologyFile } from '../../src/model/load-topology.js';
import { formatSpan } from '../../src/model/span.js';
import { parseXml, type XmlElement } from '../scenarios/xml-lite.js';

/** Run the CLI in-process and capture everything it writes. */
async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const SCENARIO = 'scenarios/s3-gateway-endpoint.yaml';
const original = readFileSync(SCENARIO, 'utf8');
let dir: string;
/** Paths as a user would type them: relative to the working folder. */
let noRoute: string;
let narrowSg: string;

/** Replace text that must be there. */
function edit(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.split(from).join(to);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vpcsim-check-'));
  mkdirSync(join(dir, 'broken'));
  // Break the scenario on purpose: the public subnet loses its default route ...
  noRoute = relative(process.cwd(), join(dir, 'broken', 'no-route.yaml'));
  writeFileSync(noRoute, edit(original, 'routes:\n          - { destination: 0.0.0.0/0, target: igw-main }', 'routes: []'));
  // ... and the app security group no longer allows HTTPS out to S3.
  narrowSg = relative(process.cwd(), join(dir, 'broken', 'narrow-sg.yaml'));
  writeFileSync(narrowSg, edit(edit(original, 'ports: 443, prefixList', 'ports: 444, prefixList'), 'ports: 443, cidr: 0.0.0.0/0', 'ports: 443, cidr: 10.0.0.0/16'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Breakage {
  readonly what: string;
  readonly file: () => string;
  readonly check: string;
  readonly code: string;
  /** Where the blocking rule is written in the broken file. */
  readonly blockedAt: (file: string) => string;
}

const BREAKAGES: readonly Breakage[] = [
  {
    what: 'a removed route',
    file: () => noRoute,
    check: 'a public subnet reaches S3 through the internet gateway',
    code: 'NO_ROUTE_TO_DESTINATION',
    blockedAt: (f) => formatSpan(loadTopologyFile(f).topology!.routeTables.get('rtb-public')!.span),
  },
  {
    what: 'a narrowed security group',
    file: () => narrowSg,
    check: "the gateway endpoint's prefix-list route carries S3 traffic",
    code: 'ENI_SG_RULES_MISMATCH',
    blockedAt: (f) => formatSpan(loadTopologyFile(f).topology!.securityGroups.get('sg-app')!.span),
  },
];

/** The line of a check in a file. */
function checkLine(file: string, name: string): number {
  return loadTopologyFile(file).topology!.checks.find((c) => c.name === name)!.span.line;
}

const all = (el: XmlElement, name: string): XmlElement[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];

describe('vpcsim check', () => {
  it('passes the bundled S3 scenario: a line per check, the summary last, exit 0', async () => {
    const r = await cli(['check', SCENARIO]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.slice(0, 3).every((l) => l.startsWith(`PASS  ${SCENARIO}:`))).toBe(true);
    expect(lines[3]).toBe('3 passed, 0 failed');
    expect(r.stderr).toBe('');
  });

  for (const b of BREAKAGES) {
    describe(`a scenario broken by ${b.what}`, () => {
      it('text: FAIL line, expected vs got, the blocking rule location, exit 1', async () => {
        const f = b.file();
        const r = await cli(['check', f]);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain(`FAIL  ${f}:${checkLine(f, b.check)}  ${b.check}\n`);
        expect(r.stdout).toContain('expected: reachable');
        expect(r.stdout).toContain(`got:      unreachable because ${b.code}`);
        expect(r.stdout).toContain(`(${b.blockedAt(f)})`);
        expect(r.stdout).toMatch(/\n\d+ passed, [1-9]\d* failed\n$/);
      });

      it('json: the failing check, its blocking location and code', async () => {
        const f = b.file();
        const r = await cli(['check', f, '--format', 'json']);
        expect(r.code).toBe(1);
        const j = JSON.parse(r.stdout);
        const c = j.files[0].checks.find((x: { name: string }) => x.name === b.check);
        expect(c.status).toBe('fail');
        expect(c.line).toBe(checkLine(f, b.check));
        const loc = c.failures[0].blocking.location;
        expect(`${loc.file}:${loc.line}:${loc.col}`).toBe(b.blockedAt(f));
        expect(c.failures[0].codes).toContain(b.code);
      });

      it('junit: a testcase with a failure that names the blocking location', async () => {
        const f = b.file();
        const r = await cli(['check', f, '--format', 'junit']);
        expect(r.code).toBe(1);
        const tc = all(parseXml(r.stdout), 'testcase').find((t) => t.attrs.name === b.check)!;
        expect(tc.attrs.file).toBe(f);
        const failure = tc.children.find((c) => c.name === 'failure')!;
        expect(failure.attrs.message).toContain(b.code);
        expect(failure.attrs.message).toContain(b.blockedAt(f));
        expect(failure.text).toContain(b.blockedAt(f));
      });

      it('github: an ::error annotation at the check line naming the blocking location', async () => {
        const f = b.file();
        const r = await cli(['check', f, '--format', 'github']);
        expect(r.code).toBe(1);
        const line = r.stdout.split('\n').find((l) => l.startsWith(`::error file=${f},line=${checkLine(f, b.check)},col=5,`))!;
        expect(line).toBeDefined();
        expect(line).toContain(b.check.replace(/:/g, '%3A').replace(/,/g, '%2C'));
        expect(line).toContain(b.blockedAt(f));
        expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ passed, [1-9]\d* failed$/);
      });

      it('sarif: a result at the check with the blocking rule as a related location', async () => {
        const f = b.file();
        const r = await cli(['check', f, '--format', 'sarif']);
        expect(r.code).toBe(1);
        const s = JSON.parse(r.stdout);
        const result = s.runs[0].results.find((x: { properties?: { check?: string } }) => x.properties?.check === b.check);
        expect(result.ruleId).toBe(b.code);
        expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(encodeURI(f));
        expect(result.locations[0].physicalLocation.region.startLine).toBe(checkLine(f, b.check));
        const rel = result.relatedLocations[0].physicalLocation;
        expect(`${decodeURI(rel.artifactLocation.uri)}:${rel.region.startLine}:${rel.region.startColumn}`).toBe(b.blockedAt(f));
      });
    });
  }

  it('--output writes the report to a file and the text report to stdout', async () => {
    const out = join(dir, 'report.xml');
    const r = await cli(['check', noRoute, '--format', 'junit', '--output', out]);
    expect(r.code).toBe(1);
    expect(parseXml(readFileSync(out, 'utf8')).name).toBe('testsuites');
    expect(r.stdout).toContain(`FAIL  ${noRoute}:`);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 1 failed');
  });

  it('github: appends a Markdown summary to GITHUB_STEP_SUMMARY', async () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, 'earlier step\n');
    const r = await cli(['check', noRoute, SCENARIO, '--format', 'github'], { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('earlier step\n## vpcsim check: 5 passed, 1 failed\n')).toBe(true);
    expect(md).toContain('| ❌ FAIL | a public subnet reaches S3 through the internet gateway |');
  });

  it('is deterministic: two runs give the same bytes in every format', async () => {
    for (const format of ['text', 'json', 'junit', 'github', 'sarif']) {
      const a = await cli(['check', dir, SCENARIO, '--format', format]);
      const b = await cli(['check', dir, SCENARIO, '--format', format]);
      expect(b.stdout).toBe(a.stdout);
      expect(a.stdout.length).toBeGreaterThan(0);
    }
  });

  it('prints paths as given, never made absolute', async () => {
    const r = await cli(['check', noRoute, '--format', 'sarif']);
    expect(r.stdout).toContain(encodeURI(noRoute));
    expect(r.stdout.split(encodeURI(noRoute)).join('').split(noRoute).join('')).not.toContain(dir);
  });
});

describe('vpcsim check on bad input', () => {
  it('exits 2 and prints the diagnostics of a file that does not load', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'version: 1\nname: bad\nvpcs:\n  v: { cidr: 10.0.0.0/33 }\n');
    const text = await cli(['check', bad]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(`ERROR  ${bad}  does not load`);
    expect(text.stdout).toMatch(new RegExp(`${bad}:4:\\d+: error [A-Z_]+:`));
    const json = await cli(['check', bad, SCENARIO, '--format', 'json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).summary).toMatchObject({ invalidFiles: 1, passed: 3 });
    expect(json.stderr).toMatch(new RegExp(`^${bad}:4:\\d+: error `));
  });

  it('exits 2 on an unknown id in a check, positioned at its from, with did-you-mean', async () => {
    const f = join(dir, 'typo.yaml');
    writeFileSync(f, edit(original, 'from: app-endpoint', 'from: app-endpiont'));
    const r = await cli(['check', f, '--format', 'json']);
    expect(r.code).toBe(2);
    const line = original.split('\n').findIndex((l) => l.includes('from: app-endpoint')) + 1;
    expect(r.stderr).toContain(`${f}:${line}:11: error UNKNOWN_CHECK_ID:`);
    expect(r.stderr).toContain('did you mean "app-endpoint"');
  });

  it('exits 2 on a bad --format or no input', async () => {
    expect((await cli(['check', SCENARIO, '--format', 'xml'])).code).toBe(2);
    expect((await cli(['check'])).code).toBe(2);
    expect((await cli(['check', join(dir, 'missing.yaml')])).code).toBe(2);
  });
});
