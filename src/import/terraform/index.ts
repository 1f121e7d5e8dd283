// The Terraform importer's public surface.
export { importTerraformPlan, type PlanImportResult } from './import-terraform-plan.js';
export { PLAN_ERROR_CODES, PLAN_WARNING_CODES, type PlanErrorCode, type PlanProblem, type PlanWarningCode } from './plan-problems.js';
export { looksLikeTerraformFile, SHOW_JSON } from './read-plan-file.js';
export { locationAt, type PlanLocations } from './plan-locations.js';
export type { ResolvedLink } from './plan-context.js';
