// A route as a step records it: its position, destination and target as written, and the
// route in words (docs/trace.md, "Steps").
import { formatPrefix } from '../../net/prefix.js';
import type { Route } from '../../model/rules.js';
import type { RuleTexts } from '../compile/rule-texts.js';
import type { RouteRecord } from '../steps.js';

/** The step record of a route. */
export function routeRecord(r: Route, texts: RuleTexts): RouteRecord {
  return {
    index: r.index,
    destination: r.destination.kind === 'cidr' ? formatPrefix(r.destination.prefix) : r.destination.prefixList,
    target: r.target.kind === 'resource' ? r.target.id : r.target.kind,
    origin: r.origin,
    ...(r.propagation ? { propagation: r.propagation } : {}),
    text: texts.route(r),
  };
}
