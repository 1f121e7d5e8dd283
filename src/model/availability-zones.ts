// Availability Zone names and IDs ("AZ IDs" and "AWS Availability Zones", AWS Regions and
// Availability Zones guide): a zone name is its region code followed by a letter
// (us-east-1a; Local Zones add a group, us-east-1-bos-1a); an AZ ID is the region's short
// code, "-az" and a number (use1-az1; Local Zones use1-bos1-az1). Names map to physical zones
// independently per account in the oldest regions; AZ IDs are the same in every account.

const DIRECTION: Readonly<Record<string, string>> = {
  north: 'n', south: 's', east: 'e', west: 'w', central: 'c',
  northeast: 'ne', northwest: 'nw', southeast: 'se', southwest: 'sw', gov: 'g', iso: 'i', isob: 'ib',
};

/** The short code AZ IDs of a region start with: us-east-1 -> use1, ap-southeast-2 -> apse2. */
export function azIdPrefix(region: string): string {
  const parts = region.split('-');
  const number = parts.pop() ?? '';
  const [head = '', ...middle] = parts;
  return head + middle.map((p) => DIRECTION[p] ?? p.charAt(0)).join('') + number;
}

/** Whether an AZ is written as an AZ ID (use1-az1) rather than a name (us-east-1a). */
export function isAzId(az: string): boolean {
  return /-az\d+$/.test(az);
}

/** Whether a zone, by ID or name, belongs to a region. */
export function zoneInRegion(az: string, region: string): boolean {
  if (isAzId(az)) return az.startsWith(`${azIdPrefix(region)}-`);
  if (!az.startsWith(region)) return false;
  // the rest: a letter (us-east-1a), or a Local Zone group and a letter (us-east-1-bos-1a)
  return /^(-[a-z0-9]+-\d+)?[a-z]$/.test(az.slice(region.length));
}
