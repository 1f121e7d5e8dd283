// The JUnit XML report: <testsuites>, a <testsuite> per file, a <testcase> per check, with
// <failure> (a check that failed) or <error> (bad input) carrying the disproving trace.
// No timestamps or host names: the same run gives the same bytes (time is always "0").
import { formatSpan } from '../model/span.js';
import type { CheckRun, CheckResult, FileResult } from './check-result.js';
import { resultSentence } from './describe-result.js';
import { checkLines } from './report-text.js';

// Characters XML 1.0 does not allow at all, even escaped (C0 controls but tab, LF, CR).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Escape text for element content. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape text for a double-quoted attribute value (line breaks kept as character references). */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function attrs(pairs: readonly (readonly [string, string | number])[]): string {
  return pairs.map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`).join('');
}

function testcase(r: CheckResult): string {
  const head = `    <testcase${attrs([['name', r.check.name], ['classname', r.file], ['file', r.check.span.file], ['line', r.check.span.line], ['time', '0']])}`;
  if (r.status === 'pass') return `${head}/>`;
  const element = r.status === 'fail' ? 'failure' : 'error';
  const type = r.status === 'fail' ? (r.failures[0]?.kind ?? 'CHECK_FAILED') : (r.errors[0]?.code ?? 'CHECK_ERROR');
  const body = checkLines(r).slice(1).map((l) => l.trimEnd()).join('\n');
  return `${head}>\n      <${element}${attrs([['message', resultSentence(r)], ['type', type]])}>${xmlText(body)}</${element}>\n    </testcase>`;
}

function testsuite(f: FileResult): string {
  if (f.diagnostics.length > 0) {
    const body = f.diagnostics.map((d) => `${formatSpan(d.span)}: ${d.severity} ${d.code}: ${d.message}`).join('\n');
    const message = `${f.file} does not load (${f.diagnostics.length} error${f.diagnostics.length === 1 ? '' : 's'}); no check ran`;
    return [
      `  <testsuite${attrs([['name', f.file], ['tests', 1], ['failures', 0], ['errors', 1], ['skipped', 0], ['time', '0'], ['file', f.file]])}>`,
      `    <testcase${attrs([['name', 'load topology'], ['classname', f.file], ['file', f.file], ['line', f.diagnostics[0]?.span.line ?? 1], ['time', '0']])}>`,
      `      <error${attrs([['message', message], ['type', f.diagnostics[0]?.code ?? 'INVALID_TOPOLOGY']])}>${xmlText(body)}</error>`,
      '    </testcase>',
      '  </testsuite>',
    ].join('\n');
  }
  const count = (s: CheckResult['status']): number => f.checks.filter((c) => c.status === s).length;
  const open = `  <testsuite${attrs([['name', f.file], ['tests', f.checks.length], ['failures', count('fail')], ['errors', count('error')], ['skipped', 0], ['time', '0'], ['file', f.file]])}`;
  if (f.checks.length === 0) return `${open}/>`;
  return [`${open}>`, ...f.checks.map(testcase), '  </testsuite>'].join('\n');
}

/** The whole JUnit report. */
export function reportJunit(run: CheckRun): string {
  const tests = run.passed + run.failed + run.errored + run.invalidFiles;
  const errors = run.errored + run.invalidFiles;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs([['name', 'vpcsim check'], ['tests', tests], ['failures', run.failed], ['errors', errors], ['skipped', 0], ['time', '0']])}>`,
    ...run.files.map(testsuite),
    '</testsuites>',
    '',
  ].join('\n');
}
