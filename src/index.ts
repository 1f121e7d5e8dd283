// vpcsim as a library: the supported API. This file only re-exports; what it exports is what
// `import ... from 'vpcsim'` offers (docs/architecture.md). Everything else is internal.

// Load and validate: text or a file -> a Topology and every diagnostic (file:line:col).
export { loadTopologyFile, loadTopologyText, DEFAULT_REGION, type LoadResult, type LoadTextOptions } from './model/load-topology.js';
export { loadInput, isSnapshotFolder } from './import/load-input.js';
export { hasErrors, sortDiagnostics, type Diagnostic, type Severity } from './model/diagnostic.js';
export { DIAGNOSTIC_CODES, type DiagnosticCode } from './model/diagnostic-codes.js';
export type { Span } from './model/span.js';
export type { Topology } from './model/topology.js';
export type { Check, CheckSelector } from './model/check.js';
export { COMPONENT_KINDS, isComponentKind, type ComponentKind } from './model/component-kinds.js';
export { topologySchema } from './model/schema/topology-schema.js';
export { formatTopology } from './model/serialize/format-topology.js';

// Trace one flow, hop by hop; resolve a name from a place.
export { traceFlow, isQueryError } from './engine/trace-flow.js';
export type { FlowProtocol, FlowQuery, QueryError, TraceResult } from './engine/query.js';
export type { Component, Explanation, Hop, HopAction, Trace } from './engine/trace.js';
export { EXPLANATION_CODES, isExplanationCode, type ExplanationCode } from './engine/explanation-codes.js';
export { resolveName, type DnsResolution, type DnsVantage } from './engine/dns/resolve-name.js';

// Check: the assertions stored in topology files.
export { runCheck, type TraceFn } from './scenarios/run-check.js';
export { runCheckFiles } from './scenarios/run-check-files.js';
export { FAILURE_KINDS, type CheckResult, type CheckRun, type CheckStatus, type FailureKind, type FileResult, type PairFailure } from './scenarios/check-result.js';
export { CHECK_ERROR_CODES, type CheckError, type CheckErrorCode } from './scenarios/check-errors.js';

// Reach: every source against every destination at once.
export { computeReach } from './reach/compute-reach.js';
export type { PairVerdict, PortRelation, ReachQuery, ReachRelation } from './reach/reach-relation.js';

// Import: AWS describe snapshots and Terraform plans -> topology YAML.
export { importAwsSnapshot, type ImportOptions, type ImportResult } from './import/aws/index.js';
export { importTerraformPlan, type PlanImportResult } from './import/terraform/index.js';
