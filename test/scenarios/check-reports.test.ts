import { describe, expect, it } from 'vitest';
import { CHECK_ERROR_CODES } from '../../src/scenarios/check-errors.js';
import { FAILURE_KINDS, type CheckRun } from '../../src/scenarios/check-result.js';
import { EXPLANATION_CODES } from '../../src/engine/explanation-codes.js';
import { escapeData, escapeProperty, reportGithub } from '../../src/scenarios/report-github.js';
import { reportJson } from '../../src/scenarios/report-json.js';
import { reportJunit } from '../../src/scenarios/report-junit.js';
import { codeBlock, markdownCell, reportMarkdown } from '../../src/scenarios/report-markdown.js';
import { reportSarif, sarifRules } from '../../src/scenarios/report-sarif.js';
import { reportText } from '../../src/scenarios/report-text.js';
import { runCheck } from '../../src/scenarios/run-check.js';
import { summarize } from '../../src/scenarios/run-check-files.js';
import { topologyOf } from '../helpers/load.js';
import { withChecks } from './check-fixture.js';
import { fakeTracer, span } from './fake-tracer.js';
import { parseXml, type XmlElement } from './xml-lite.js';

const NASTY = `web <&> "quoted" 'single' | pipe % percent, comma: colon \`tick\``;
const FILE = 'topologies/my net.yaml';

/** A run with one pass, one failure (a name full of characters to escape) and one error. */
function sampleRun(): CheckRun {
  const t = topologyOf(
    withChecks(`  - { name: passes, from: web-1, to: web-host:443 }
  - name: ${JSON.stringify(NASTY)}
    from: [web-1, web-2]
    to: web-host:443
  - { name: bad id, from: web-9, to: web-host:443 }
`),
    FILE,
  );
  const tracer = fakeTracer({
    'web-1 -> web-host': { reachable: true, hops: [['web-1', 'instance'], ['igw-a', 'internetGateway']] },
    'web-2 -> web-host': { reachable: false, hops: [['web-2', 'instance'], ['sg-web', 'securityGroup']], codes: ['ENI_SG_RULES_MISMATCH'], at: span(17, 13, FILE) },
  });
  return summarize([{ file: FILE, diagnostics: [], checks: t.checks.map((c) => runCheck(t, c, tracer)) }]);
}

const all = (el: XmlElement, name: string): XmlElement[] => [
  ...(el.name === name ? [el] : []),
  ...el.children.flatMap((c) => all(c, name)),
];

describe('the text report', () => {
  it('prints a line per check, the disproving trace, and the summary line last', () => {
    const lines = reportText(sampleRun()).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^PASS {2}topologies\/my net\.yaml:\d+ {2}passes$/);
    expect(lines[1]).toMatch(new RegExp(`^FAIL {2}topologies/my net\\.yaml:\\d+ {2}`));
    expect(lines).toContain('      web-2 -> web-host tcp/443');
    expect(lines).toContain('        expected: reachable');
    expect(lines.some((l) => l.includes('blocked:  securityGroup sg-web: sg-web denies it (topologies/my net.yaml:17:13)'))).toBe(true);
    expect(lines).toContain('      1 of 2 pairs failed');
    expect(lines.some((l) => /^ERROR {2}.*bad id$/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('1 passed, 1 failed, 1 check not run');
  });
});

describe('the JSON report', () => {
  it('has a stable shape with every key present', () => {
    const j = JSON.parse(reportJson(sampleRun()));
    expect(j.version).toBe(1);
    expect(j.summary).toEqual({ files: 1, checks: 3, passed: 1, failed: 1, errors: 1, invalidFiles: 0 });
    const [pass, fail, error] = j.files[0].checks;
    expect(Object.keys(pass)).toEqual(['name', 'index', 'line', 'col', 'status', 'pairs', 'failedPairs', 'failures', 'errors']);
    expect(fail.failures[0]).toMatchObject({
      kind: 'UNEXPECTED_UNREACHABLE',
      from: 'web-2',
      port: 443,
      codes: ['ENI_SG_RULES_MISMATCH'],
      blocking: { component: { id: 'sg-web', kind: 'securityGroup' }, location: { file: FILE, line: 17, col: 13 } },
      path: ['web-2', 'sg-web'],
    });
    expect(error.errors[0]).toMatchObject({ code: 'UNKNOWN_CHECK_ID', location: { file: FILE } });
  });
});

describe('the JUnit report', () => {
  it('is well-formed XML with testsuites > testsuite per file > testcase per check', () => {
    const xml = reportJunit(sampleRun());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '3', failures: '1', errors: '1' });
    const suites = all(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual([FILE]);
    expect(suites[0]!.attrs).toMatchObject({ tests: '3', failures: '1', errors: '1', skipped: '0' });
    const cases = all(root, 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual(['passes', NASTY, 'bad id']);
    expect(cases.every((c) => c.attrs.classname === FILE)).toBe(true);
    expect(cases[0]!.children).toEqual([]);
    const failure = cases[1]!.children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.attrs.type).toBe('UNEXPECTED_UNREACHABLE');
    expect(failure.attrs.message).toContain('expected reachable, got unreachable because ENI_SG_RULES_MISMATCH');
    expect(failure.text).toContain('topologies/my net.yaml:17:13');
    expect(cases[2]!.children[0]!.name).toBe('error');
    expect(cases[2]!.children[0]!.attrs.type).toBe('UNKNOWN_CHECK_ID');
  });

  it('escapes markup in names and drops characters XML cannot hold', () => {
    const xml = reportJunit(sampleRun());
    expect(xml).toContain('name="web &lt;&amp;&gt; &quot;quoted&quot; &apos;single&apos;');
    const t = topologyOf(withChecks('  - { name: "bell\\u0007 and tab\\t", from: web-1, to: web-host:443 }\n'));
    const run = summarize([{ file: 'x.yaml', diagnostics: [], checks: [runCheck(t, t.checks[0]!, fakeTracer({}))] }]);
    const root = parseXml(reportJunit(run));
    expect(all(root, 'testcase')[0]!.attrs.name).toBe('bell\ufffd and tab\t');
  });

  it('reports a file that does not load as an errored testsuite', () => {
    const d = { code: 'YAML_SYNTAX' as const, severity: 'error' as const, message: 'bad <yaml>', span: span(2, 3, 'broken.yaml') };
    const root = parseXml(reportJunit(summarize([{ file: 'broken.yaml', diagnostics: [d], checks: [] }])));
    expect(root.attrs).toMatchObject({ tests: '1', errors: '1' });
    const err = all(root, 'error')[0]!;
    expect(err.attrs.type).toBe('YAML_SYNTAX');
    expect(err.text).toBe('broken.yaml:2:3: error YAML_SYNTAX: bad <yaml>');
  });
});

describe('the GitHub report', () => {
  it('annotates the failing check and the bad one, escaping properties and data', () => {
    const out = reportGithub(sampleRun()).split('\n');
    const errors = out.filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^::error file=topologies\/my net\.yaml,line=\d+,col=5,title=vpcsim check failed%3A web <&> "quoted" 'single' \| pipe %25 percent%2C comma%3A colon `tick`::/);
    expect(errors[0]).toContain('%0A');
    expect(errors[0]).not.toMatch(/\r|\n/);
    expect(errors[1]).toContain('title=vpcsim check%3A UNKNOWN_CHECK_ID');
    expect(out.filter(Boolean).at(-1)).toBe('1 passed, 1 failed, 1 check not run');
  });

  it('escapes like @actions/core', () => {
    expect(escapeData('50%\r\nnext')).toBe('50%25%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('writes a Markdown summary with a table row per check and the failures in code blocks', () => {
    const md = reportMarkdown(sampleRun());
    expect(md.split('\n')[0]).toBe('## vpcsim check: 1 passed, 1 failed, 1 check not run');
    expect(md).toContain('| ✅ pass | passes |');
    expect(md).toContain(markdownCell(NASTY));
    expect(md).toContain('\\| pipe');
    expect(codeBlock('a ``` b')).toBe('````text\na ``` b\n````');
  });
});

describe('the SARIF report', () => {
  const sarif = JSON.parse(reportSarif(sampleRun(), '9.9.9'));

  it('has the required SARIF 2.1.0 elements', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const driver = sarif.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'vpcsim', version: '9.9.9' });
    const ids = driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const code of [...Object.keys(EXPLANATION_CODES), ...Object.keys(FAILURE_KINDS), ...Object.keys(CHECK_ERROR_CODES)]) expect(ids).toContain(code);
    for (const r of driver.rules) expect(r.shortDescription.text.length).toBeGreaterThan(0);
  });

  it('has a result per failed or bad check, each pointing at a rule and a location', () => {
    const results = sarif.runs[0].results;
    const rules = sarif.runs[0].tool.driver.rules;
    expect(results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['ENI_SG_RULES_MISMATCH', 'UNKNOWN_CHECK_ID']);
    for (const r of results) {
      expect(rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(['error', 'warning', 'note', 'none']).toContain(r.level);
      expect(r.message.text.length).toBeGreaterThan(0);
      const loc = r.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).toBe('topologies/my%20net.yaml');
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region.startColumn).toBeGreaterThanOrEqual(1);
    }
    expect(results[0].relatedLocations[0].physicalLocation.region).toMatchObject({ startLine: 17, startColumn: 13 });
    expect(results[0].properties).toMatchObject({ failedPairs: 1, pairs: 2, codes: ['ENI_SG_RULES_MISMATCH'] });
  });

  it('gives every rule a unique id across the four code lists', () => {
    expect(new Set(sarifRules().map((r) => r.id)).size).toBe(sarifRules().length);
  });
});
