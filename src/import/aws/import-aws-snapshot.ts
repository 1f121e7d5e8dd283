// The importer's entry point: a folder of AWS describe output -> a format v1 topology as
// YAML text, with every warning and error. Read (read-folder.ts), recognise each file by
// its top-level keys (recognise-file.ts), map one resource family at a time (map-*.ts, in
// the order references need), write (write-yaml.ts).
import { basename, resolve } from 'node:path';
import type { ImportContext } from './context.js';
import { findConflictingRecords } from './find-conflicting-records.js';
import { mapEndpointServices } from './map-endpoint-services.js';
import { mapEndpoints } from './map-endpoints.js';
import { mapHostedZones } from './map-hosted-zones.js';
import { mapInstances } from './map-instances.js';
import { mapLoadBalancers } from './map-load-balancers.js';
import { mapNatGateways } from './map-nat-gateways.js';
import { mapNetworkInterfaces } from './map-network-interfaces.js';
import { mapNetworkAcls } from './map-network-acls.js';
import { mapPeerings } from './map-peering.js';
import { mapTransitGateways } from './map-transit-gateways.js';
import { mapPrefixLists } from './map-prefix-lists.js';
import { mapRouteTables } from './map-route-tables.js';
import { mapSecurityGroups } from './map-security-groups.js';
import { mapSubnets } from './map-subnets.js';
import { mapTargetGroups, resolveAlbTargets } from './map-target-groups.js';
import { warnUnmodelled } from './map-unmodelled.js';
import { FALLBACK_REGION, mapVpcs } from './map-vpcs.js';
import { mapVpn } from './map-vpn.js';
import { Problems, type ImportError, type ImportWarning } from './problems.js';
import { readSnapshotFolder } from './read-folder.js';
import { recogniseFile } from './recognise-file.js';
import { emptySnapshot } from './snapshot.js';
import { headerComment, writeYaml } from './write-yaml.js';

/** Options of an import. */
export interface ImportOptions {
  /** The topology's `name`; default: the folder's name. */
  readonly name?: string;
}

/** The outcome of an import. */
export interface ImportResult {
  /**
   * The topology as format v1 YAML text, warnings in its header comment. Empty when there
   * are errors: a snapshot that contradicts itself is not presented as a topology.
   */
  readonly yaml: string;
  /** What was left out, assumed or approximated, in a stable order. */
  readonly warnings: readonly ImportWarning[];
  /** Why the snapshot cannot be imported (exit 2 at the CLI), in a stable order. */
  readonly errors: readonly ImportError[];
}

/**
 * Import a folder of `aws ec2 describe-*` / `aws elbv2 describe-*` JSON output (layouts:
 * flat, `<region>/`, `accounts/<account-id>/<region>/`; files recognised by their top-level
 * key) as a vpcsim topology. Pure apart from reading the folder: the same folder gives the
 * same result, byte for byte. To trace or check a snapshot directly, load the text:
 * `loadTopologyText(`${dir} (imported)`, result.yaml)`; diagnostics then point into the
 * generated YAML, and `result.warnings` say what the verdicts do not account for.
 */
export function importAwsSnapshot(dir: string, options: ImportOptions = {}): ImportResult {
  const problems = new Problems();
  const files = readSnapshotFolder(dir, problems);
  const snapshot = emptySnapshot();
  for (const f of files) recogniseFile(f, problems, snapshot);
  findConflictingRecords(snapshot, problems);
  if (problems.errors.length > 0) return { yaml: '', warnings: problems.warnings(), errors: problems.sortedErrors() };

  const name = options.name ?? (basename(resolve(dir)) || 'aws-snapshot');
  const ctx: ImportContext = {
    snapshot,
    problems,
    out: {
      name, description: '', region: FALLBACK_REGION,
      accounts: new Map(), vpcs: new Map(), peeringConnections: new Map(), transitGateways: new Map(), prefixLists: new Map(), unmodelled: new Map(),
      virtualPrivateGateways: new Map(), customerGateways: new Map(), vpnConnections: new Map(), onPremises: new Map(), hostedZones: new Map(),
    },
    ids: new Map(), vpcRegions: new Map(), unfollowed: new Map(), lbIds: new Map(), tgIds: new Map(), addresses: new Map(),
  };
  // Order matters: each step only refers to what earlier steps wrote.
  mapVpcs(ctx);
  mapSubnets(ctx);
  mapPrefixLists(ctx);
  mapSecurityGroups(ctx);
  mapNetworkAcls(ctx);
  mapPeerings(ctx);
  mapTransitGateways(ctx);
  mapNatGateways(ctx);
  mapInstances(ctx);
  mapTargetGroups(ctx);
  mapLoadBalancers(ctx);
  resolveAlbTargets(ctx);
  mapEndpointServices(ctx);
  mapEndpoints(ctx);
  mapNetworkInterfaces(ctx);
  mapVpn(ctx);
  mapRouteTables(ctx);
  mapHostedZones(ctx);
  warnUnmodelled(ctx);

  const warnings = problems.warnings();
  if (problems.errors.length > 0) return { yaml: '', warnings, errors: problems.sortedErrors() };
  ctx.out.description = `AWS estate imported from the describe output in ${name}.` +
    (warnings.length > 0 ? ` The ${warnings.length} import warning${warnings.length === 1 ? '' : 's'} at the top of the file name what verdicts do not account for.` : '');
  return { yaml: writeYaml(ctx.out, headerComment(name, snapshot.fileCount, warnings)), warnings, errors: [] };
}
