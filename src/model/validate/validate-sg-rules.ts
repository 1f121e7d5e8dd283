// Security group rules AWS refuses or that repeat one another:
// - "Update your security groups to reference peer security groups" (VPC Peering guide): a
//   rule may name a group of another VPC only across an active peering connection, and not
//   across regions ("use the CIDR block of the peer VPC instead"); or across a transit
//   gateway whose security group referencing support is on, with it on for both VPC
//   attachments ("Security group referencing", Transit Gateways guide; same Region only);
// - a rule written twice in one direction is refused by the API (InvalidPermission.Duplicate)
//   and changes no verdict, so it is a warning.
import { formatPrefix } from '../../net/prefix.js';
import type { Diagnostic } from '../diagnostic.js';
import type { SecurityGroup, SgRule } from '../resources.js';
import type { SourceMap } from '../source-map.js';
import type { Topology } from '../topology.js';

function ruleKey(r: SgRule): string {
  const peer = r.peer.kind === 'cidr' ? formatPrefix(r.peer.prefix) : r.peer.kind === 'prefixList' ? r.peer.prefixList : r.peer.securityGroup;
  return `${r.protocol} ${r.ports.from}-${r.ports.to} ${r.peer.kind}:${peer}`;
}

/** VPC pairs joined by an active peering connection, as "a b" with a < b. */
function peeredPairs(t: Topology): Set<string> {
  const out = new Set<string>();
  for (const p of t.peeringConnections.values()) {
    if (p.status !== 'active') continue;
    out.add([p.requester, p.accepter].sort().join(' '));
  }
  return out;
}

/** VPC pairs whose groups may reference each other across a transit gateway, as "a b" with a < b. */
function transitPairs(t: Topology, out: Set<string>): void {
  for (const g of t.transitGateways.values()) {
    if (!g.securityGroupReferencingSupport) continue;
    const vpcs = g.attachments.map((id) => t.transitGatewayAttachments.get(id))
      .flatMap((a) => (a?.type === 'vpc' && a.state === 'available' && a.securityGroupReferencingSupport ? [a.vpc] : []));
    for (const a of vpcs) for (const b of vpcs) if (a < b) out.add(`${a} ${b}`);
  }
}

/** SG_REFERENCE_NOT_PEERED and DUPLICATE_SG_RULE over every written rule. */
export function validateSgRules(t: Topology, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const peered = peeredPairs(t);
  transitPairs(t, peered);
  for (const sg of t.securityGroups.values()) {
    if (!sg.written) continue;
    for (const rules of [sg.ingress, sg.egress]) {
      const seen = new Map<string, number>();
      for (const r of rules) {
        if (!r.written) continue;
        const ptr = `${sg.pointer}/${r.direction}/${r.index - 1}`;
        if (r.peer.kind === 'securityGroup') crossVpc(out, map, t, peered, sg, r.peer.securityGroup, `${ptr}/securityGroup`);
        const key = ruleKey(r);
        const first = seen.get(key);
        if (first !== undefined) {
          out.push({ code: 'DUPLICATE_SG_RULE', severity: 'warning', message: `${r.direction} rule ${r.index} of "${sg.id}" repeats rule ${first}`, span: map.valueAt(ptr) });
        } else {
          seen.set(key, r.index);
        }
      }
    }
  }
  return out;
}

function crossVpc(out: Diagnostic[], map: SourceMap, t: Topology, peered: ReadonlySet<string>, sg: SecurityGroup, other: string, ptr: string): void {
  const ref = t.securityGroups.get(other);
  if (!ref || ref.vpc === sg.vpc) return;
  const mine = t.vpcs.get(sg.vpc);
  const theirs = t.vpcs.get(ref.vpc);
  if (!mine || !theirs) return;
  const pair = [mine.id, theirs.id].sort().join(' ');
  let why: string | undefined;
  if (!peered.has(pair)) why = `VPC "${theirs.id}" is not peered with "${mine.id}" by an active peering connection, nor attached with it to a transit gateway with security group referencing on`;
  else if (mine.region !== theirs.region) why = `the peering joins ${mine.region} and ${theirs.region}, and a rule cannot reference a group across regions (use the peer VPC's CIDR block)`;
  if (why === undefined) return;
  out.push({ code: 'SG_REFERENCE_NOT_PEERED', severity: 'error', message: `security group "${other}" is in VPC "${theirs.id}": ${why}`, span: map.valueAt(ptr) });
}
