// What the Terraform importer reports. Errors stop the import (exit 2); warnings say what
// was left out, assumed or resolved by a fallback rule. Warnings the AWS importer also
// gives (CIDR_NORMALISED, ADDRESS_LEFT_OUT...) keep their AWS codes and meanings
// (docs/import.md); the codes below are the Terraform ones. docs/terraform.md lists all.
import { IMPORT_WARNING_CODES, type ImportWarningCode } from '../aws/problems.js';

/** Every error code of the Terraform importer, with its meaning. */
export const PLAN_ERROR_CODES = {
  FILE_UNREADABLE: 'The plan file could not be read, or is larger than the importer reads (64 MiB).',
  NOT_JSON: 'The file is not valid JSON (often a plan cut short); the position is where parsing stopped.',
  NOT_A_PLAN: 'The file is not `terraform show -json` output: a binary plan, a `terraform plan -json` event stream, HCL, a raw state file, or other JSON. The message names the command that makes the right file.',
  UNSUPPORTED_FORMAT: 'The plan\'s format_version is not one vpcsim reads (0.x or 1.x).',
  WRONG_SHAPE: 'A value of the plan has the wrong type, or a key Terraform always writes is missing.',
  NO_AWS_RESOURCES: 'The plan holds no resource of the AWS providers (hashicorp/aws, hashicorp/awscc); there is nothing to verify.',
  UNKNOWN_REFERENCE: 'A configuration expression references a resource, module or output that the plan does not hold.',
} as const;

/** Warning codes that only the Terraform importer gives, with their meanings. */
export const PLAN_ONLY_WARNING_CODES = {
  UNRESOLVED_REFERENCE: 'A value known only after apply could not be followed through the configuration\'s references (a local, a for_each value); vpcsim used an unambiguous fallback (a single candidate, CIDR containment) or left the link out.',
  NOT_NETWORK_RELEVANT: 'Resources of types with no bearing on reachability (IAM, S3, KMS...), counted in one warning.',
  OUTSIDE_PLAN: 'A resource names an id of something the plan does not manage (an existing VPC, a data source); the link is left out.',
  VALUE_UNKNOWN: 'A value that decides reachability is known only after apply and has no reference to follow; vpcsim\'s documented default is used.',
} as const;

/** Every warning code of the Terraform importer. */
export const PLAN_WARNING_CODES = { ...IMPORT_WARNING_CODES, ...PLAN_ONLY_WARNING_CODES } as const;

/** An error code of the Terraform importer. */
export type PlanErrorCode = keyof typeof PLAN_ERROR_CODES;
/** A warning code of the Terraform importer. */
export type PlanWarningCode = ImportWarningCode | keyof typeof PLAN_ONLY_WARNING_CODES;

/** A problem with the plan: the JSON path, line and column where it is, and why. */
export interface PlanProblem<C extends string> {
  readonly code: C;
  /** The Terraform address it is about ('' for the plan as a whole). */
  readonly resource: string;
  /** JSON path in the plan, like `$.planned_values.root_module.resources[3]`. */
  readonly path: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}
