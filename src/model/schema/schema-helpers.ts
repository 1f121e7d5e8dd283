// Small builders that keep the topology JSON Schema readable: closed objects, id maps.

/** A JSON Schema fragment (draft-07). */
export type JsonSchema = { readonly [key: string]: unknown };

/**
 * The body of every resource id: letters, digits, '.', '_', '-', and Terraform's instance
 * keys (`aws_subnet.private[0]`, `module.vpc["a"].aws_vpc.this`), so that ids of an imported
 * plan are Terraform addresses exactly as Terraform prints them. No '/' outside a quoted
 * key: it is reserved for derived ids like `vpc-a/main`.
 */
const ID_BODY = '[A-Za-z0-9][A-Za-z0-9._-]*(?:\\[(?:[0-9]+|"[^"\\\\]*")\\][A-Za-z0-9._-]*)*';

/** The pattern every resource id follows. */
export const ID_PATTERN = `^${ID_BODY}$`;

/** A reference: an id, or one of the ids AWS gives every VPC's defaults (`vpc-a/default-sg`). */
export const REF_PATTERN = `^${ID_BODY}(/(main|default-sg|default-acl))?$`;

/** An object that rejects unknown keys. */
export function closed(
  properties: Record<string, JsonSchema>,
  required: readonly string[] = [],
  extra: Record<string, unknown> = {},
): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    properties,
    ...(required.length > 0 ? { required: [...required] } : {}),
    ...extra,
  };
}

/** A map from resource id to resource. */
export function idMap(item: JsonSchema, description: string): JsonSchema {
  return {
    type: 'object',
    description,
    propertyNames: { pattern: ID_PATTERN },
    additionalProperties: item,
  };
}

/** A string with a description. */
export function str(description: string, extra: Record<string, unknown> = {}): JsonSchema {
  return { type: 'string', description, ...extra };
}

/** A boolean with a description and its AWS default. */
export function bool(description: string, defaultValue: boolean): JsonSchema {
  return { type: 'boolean', description, default: defaultValue };
}

/** A reference to another resource by id. */
export function ref(description: string): JsonSchema {
  return { type: 'string', description, pattern: REF_PATTERN };
}

/** A list of references. */
export function refs(description: string): JsonSchema {
  return { type: 'array', description, items: { type: 'string', pattern: REF_PATTERN } };
}

/** A list of one item schema. */
export function list(item: JsonSchema, description: string): JsonSchema {
  return { type: 'array', description, items: item };
}

/** One of a fixed set of strings. */
export function oneOfStrings(values: readonly string[], description: string): JsonSchema {
  return { type: 'string', enum: [...values], description };
}
