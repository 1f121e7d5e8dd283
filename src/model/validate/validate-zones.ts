// A subnet's zone is one of its VPC's region ("AZ IDs" and "AWS Availability Zones", AWS
// Regions and Availability Zones guide; CreateSubnet refuses a zone of another region).
import { azIdPrefix, isAzId, zoneInRegion } from '../availability-zones.js';
import type { Diagnostic } from '../diagnostic.js';
import type { SourceMap } from '../source-map.js';
import type { Topology } from '../topology.js';

/** Every subnet whose AZ ID or name is not of its VPC's region. */
export function validateZones(t: Topology, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of t.subnets.values()) {
    const region = t.vpcs.get(s.vpc)?.region;
    if (region === undefined || zoneInRegion(s.az, region)) continue;
    const like = isAzId(s.az) ? `an AZ ID of ${region} starts with ${azIdPrefix(region)}-` : `a zone name of ${region} is ${region} and a letter`;
    out.push({
      code: 'AZ_NOT_IN_REGION',
      severity: 'error',
      message: `"${s.az}" is not an Availability Zone of ${region}, the region of VPC "${s.vpc}" (${like}, like ${azIdPrefix(region)}-az1 or ${region}a)`,
      span: map.valueAt(`${s.pointer}/az`),
    });
  }
  return out;
}
