// A route whose target vpcsim cannot follow (a kind it does not model, or a resource the
// input does not hold) keeps its target, named under the top-level `unmodelled:` map, as
// the format asks (docs/format.md, "Unmodelled route targets"): a trace that takes it stops
// there with UNMODELLED_TARGET and says its verdict rests on an unmodelled part. Only when
// the target's id already names something else in the output (AWS would not route to it:
// an internet gateway of another VPC) is the route written as a blackhole instead.
import { unmodelledKindOf, type UnmodelledKind } from '../../model/unmodelled-kinds.js';
import { idFromName, isFormatId } from './aws-values.js';
import type { ImportContext } from './context.js';
import { emitted } from './output-model.js';

/** The output kind recorded in ImportContext.ids for unmodelled route targets. */
const UNMODELLED_ID_KIND = 'unmodelled route target';

/**
 * The id a route should target for `target` (an AWS id, ARN or Terraform address), with an
 * `unmodelled:` entry written for it; undefined when the id names another resource.
 */
export function unmodelledTarget(
  ctx: ImportContext,
  target: string,
  why: string,
  source: string,
  kind: UnmodelledKind = unmodelledKindOf(target),
): string | undefined {
  const id = isFormatId(target) ? target : idFromName(target);
  const taken = ctx.ids.get(id);
  if (taken !== undefined && taken !== UNMODELLED_ID_KIND) return undefined;
  if (taken === undefined) {
    ctx.ids.set(id, UNMODELLED_ID_KIND);
    const description = `${id === target ? '' : `${target}: `}${why}`.slice(0, 255);
    ctx.out.unmodelled.set(id, emitted({ kind, description }, source));
  } else {
    const entry = ctx.out.unmodelled.get(id);
    if (entry && !entry.sources.includes(source)) entry.sources.push(source);
  }
  return id;
}
