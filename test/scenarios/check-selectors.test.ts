import { describe, expect, it } from 'vitest';
import { expandSelector, REPRESENTATIVE_PUBLIC_ADDRESS } from '../../src/scenarios/expand-selector.js';
import type { CheckSelector } from '../../src/model/check.js';
import { topologyOf } from '../helpers/load.js';
import { CHECK_FIXTURE } from './check-fixture.js';
import { span } from './fake-tracer.js';

const t = topologyOf(CHECK_FIXTURE);
const at = span(3, 11);
const expand = (sel: CheckSelector, side: 'from' | 'to' = 'to') => expandSelector(t, sel, side, at);
const list = (...items: string[]): CheckSelector => ({ kind: 'list', items });

describe('selector expansion', () => {
  it('passes ids, IPs and (as destinations) DNS names through, in order, without repeats', () => {
    expect(expand(list('web-2', '10.0.1.9', 'db-1', 'web-2', 'api.example.com'))).toEqual({
      endpoints: ['web-2', '10.0.1.9', 'db-1', 'api.example.com'],
      errors: [],
    });
  });

  it('expands { subnet } and { vpc } to their instances, sorted by id', () => {
    expect(expand({ kind: 'subnet', id: 'sub-2' }).endpoints).toEqual(['db-1', 'web-2']);
    expect(expand({ kind: 'vpc', id: 'vpc-a' }).endpoints).toEqual(['db-1', 'web-1', 'web-2']);
  });

  it('expands { securityGroup } to member instances, and interface endpoint ENIs as destinations', () => {
    expect(expand({ kind: 'securityGroup', id: 'sg-web' }, 'to').endpoints).toEqual(['web-1', 'web-2', 'vpce-kms/sub-1']);
    expect(expand({ kind: 'securityGroup', id: 'sg-web' }, 'from').endpoints).toEqual(['web-1', 'web-2']);
  });

  it('expands a subnet, VPC or security group id inside a list like the selector', () => {
    expect(expand(list('sub-1', 'other')).endpoints).toEqual(['web-1', 'other']);
  });

  it('expands internet to every internet host, or a representative public address without any', () => {
    expect(expand(list('internet'), 'from').endpoints).toEqual(['mirror', 'web-host']);
    const bare = topologyOf(CHECK_FIXTURE.replace(/internet:\n(.*\n){2}/, ''));
    expect(bare.internetHosts.size).toBe(0);
    expect(expandSelector(bare, list('internet'), 'from', at).endpoints).toEqual([REPRESENTATIVE_PUBLIC_ADDRESS]);
  });

  it("takes an internet host's DNS name as a source", () => {
    expect(expand(list('www.example.com'), 'from').endpoints).toEqual(['web-host']);
  });

  it('reports an unknown id at the selector, with did-you-mean', () => {
    const r = expand(list('web-l'), 'from');
    expect(r.endpoints).toEqual([]);
    expect(r.errors.map((e) => `${e.code}@${e.span.line}:${e.span.col}`)).toEqual(['UNKNOWN_CHECK_ID@3:11']);
    expect(r.errors[0]!.message).toContain('did you mean "web-1"');
  });

  it('does not take a DNS name as a source', () => {
    expect(expand(list('api.example.com'), 'from').errors.map((e) => e.code)).toEqual(['UNKNOWN_CHECK_ID']);
  });

  it('reports a selector naming a missing subnet, VPC or security group', () => {
    expect(expand({ kind: 'subnet', id: 'sub-3' }).errors[0]!.message).toContain('did you mean "sub-1"');
    expect(expand({ kind: 'vpc', id: 'vpc-c' }).errors.map((e) => e.code)).toEqual(['UNKNOWN_CHECK_ID']);
    expect(expand({ kind: 'securityGroup', id: 'sg-wbe' }).errors[0]!.message).toContain('did you mean "sg-web"');
  });

  it('reports a selector that matches nothing instead of holding vacuously', () => {
    expect(expand({ kind: 'subnet', id: 'sub-empty' }).errors.map((e) => e.code)).toEqual(['EMPTY_SELECTOR']);
    expect(expand({ kind: 'securityGroup', id: 'sg-unused' }).errors.map((e) => e.code)).toEqual(['EMPTY_SELECTOR']);
  });
});
