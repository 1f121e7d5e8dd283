// Rules and routes in words, made once per rule of a compiled topology: a step records the
// words of the rule or route that decided (describe-rule.ts), and the same few rules decide
// most hops of most traces, so their text is not rebuilt on every hop.
import type { AclRule, Route, SgRule } from '../../model/rules.js';
import type { Topology } from '../../model/topology.js';
import { describeAclRule, describeRoute, describeSgRule } from '../describe-rule.js';

/** The words of a rule or route of one topology, each made on first use and kept. */
export interface RuleTexts {
  readonly sg: (rule: SgRule) => string;
  readonly acl: (rule: AclRule) => string;
  readonly route: (route: Route) => string;
}

function memo<K extends object>(make: (k: K) => string): (k: K) => string {
  const made = new WeakMap<K, string>();
  return (k) => {
    let text = made.get(k);
    if (text === undefined) made.set(k, (text = make(k)));
    return text;
  };
}

/** Rule texts for the rules and routes of `topology`. */
export function ruleTexts(topology: Topology): RuleTexts {
  return {
    sg: memo((rule: SgRule) => describeSgRule(rule, topology)),
    acl: memo((rule: AclRule) => describeAclRule(rule)),
    route: memo((route: Route) => describeRoute(route, topology)),
  };
}
