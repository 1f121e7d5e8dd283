// Writing the imported topology as format v1 YAML with the `yaml` Document API, so that
// comments sit where a reader needs them: the warnings at the top, `# from <file>` above
// every resource, notes above resources and after single routes or rules. Every map is
// sorted by id and every list keeps AWS's order, so the same snapshot gives the same bytes.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { Noted, type Emitted, type OutTopology, type OutVpc } from './output-model.js';
import { cmp, type ImportWarning } from './problems.js';

type Doc = Document<Node, true>;

/** Key orders of shapes whose keys are filled in by several mappers (FORMAT.md order). */
const KEY_ORDERS: readonly (readonly string[])[] = [
  ['az', 'cidr', 'ipv6Cidr', 'routeTable', 'networkAcl'],
  ['main', 'gatewayAssociation', 'propagatingVgws', 'routes'],
  ['account', 'region', 'cidr', 'cidrs', 'ipv6Cidr', 'enableDnsSupport', 'enableDnsHostnames', 'internetGateway', 'egressOnlyInternetGateway'],
];

function ordered(entries: [string, unknown][]): [string, unknown][] {
  const order = KEY_ORDERS.find((o) => entries.every(([k]) => o.includes(k)));
  return order ? [...entries].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])) : entries;
}

function plain(doc: Doc, value: unknown): Node {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    for (const item of value) {
      if (item instanceof Noted) {
        const node = plain(doc, item.value);
        if (node instanceof YAMLMap) node.flow = true;
        if (item.note !== undefined) node.comment = ` ${item.note}`;
        seq.items.push(node);
      } else seq.items.push(plain(doc, item));
    }
    if (value.every((v) => typeof v !== 'object' || v === null)) seq.flow = true;
    return seq;
  }
  if (typeof value === 'object' && value !== null) {
    const map = new YAMLMap();
    for (const [k, v] of ordered(Object.entries(value))) {
      if (v === undefined || (k === 'routes' && Array.isArray(v) && v.length === 0)) continue;
      map.items.push(new Pair(doc.createNode(k), plain(doc, v)));
    }
    return map;
  }
  return doc.createNode(value);
}

function comment(sources: readonly string[], notes: readonly string[], name?: string): string {
  const from = ` from ${[...new Set(sources)].join(', ')}${name !== undefined ? ` (Name: ${name})` : ''}`;
  return [from, ...notes.map((n) => ` ${n}`)].join('\n');
}

function idMap<T>(doc: Doc, entries: ReadonlyMap<string, Emitted<T>>, flow: boolean): YAMLMap {
  const map = new YAMLMap();
  for (const id of [...entries.keys()].sort(cmp)) {
    const e = entries.get(id)!;
    const value = plain(doc, e.value);
    if (flow && value instanceof YAMLMap) value.flow = true;
    const key = doc.createNode(id) as Scalar;
    key.commentBefore = comment(e.sources, e.notes, e.name);
    map.items.push(new Pair(key, value));
  }
  return map;
}

function vpcNode(doc: Doc, vpc: OutVpc): YAMLMap {
  const node = plain(doc, vpc.fields) as YAMLMap;
  const sections: [string, ReadonlyMap<string, Emitted<unknown>>, boolean][] = [
    ['subnets', vpc.subnets, true],
    ['routeTables', vpc.routeTables, false],
    ['natGateways', vpc.natGateways, true],
    ['securityGroups', vpc.securityGroups, false],
    ['networkAcls', vpc.networkAcls, false],
    ['instances', vpc.instances, true],
    ['loadBalancers', vpc.loadBalancers, false],
    ['targetGroups', vpc.targetGroups, false],
    ['endpointServices', vpc.endpointServices, false],
    ['endpoints', vpc.endpoints, false],
    ['networkInterfaces', vpc.networkInterfaces, false],
  ];
  for (const [key, entries, flow] of sections) {
    if (entries.size > 0) node.items.push(new Pair(doc.createNode(key), idMap(doc, entries, flow)));
  }
  return node;
}

/** The comment block at the top: what this is, and every warning. */
export function headerComment(snapshotName: string, fileCount: number, warnings: readonly ImportWarning[]): string {
  const lines = [
    ` Imported by \`vpcsim import aws\` from ${snapshotName} (${fileCount} describe-output file${fileCount === 1 ? '' : 's'}); see docs/import.md.`,
    ' Ids are AWS ids; load balancers and target groups are named by their AWS names.',
  ];
  if (warnings.length === 0) return [...lines, ' No warnings: everything in the snapshot is modelled.'].join('\n');
  lines.push('', ` ${warnings.length} warning${warnings.length === 1 ? '' : 's'}: verdicts do not account for what these name.`);
  for (const w of warnings) lines.push(`  - ${w.code} ${w.resource}: ${w.message.replace(/\s*\n\s*/g, ' ')}`);
  return lines.join('\n');
}

/** Render the topology as YAML text, with the warnings as the header comment. */
export function writeYaml(out: OutTopology, header: string): string {
  const doc = new Document(null) as unknown as Doc;
  const root = new YAMLMap();
  const add = (key: string, value: Node, spaceBefore = false): void => {
    const k = doc.createNode(key) as Scalar;
    if (spaceBefore) k.spaceBefore = true;
    root.items.push(new Pair(k, value));
  };
  add('version', doc.createNode(1));
  add('name', doc.createNode(out.name));
  add('description', doc.createNode(out.description));
  add('region', doc.createNode(out.region));
  if (out.accounts.size > 0) add('accounts', idMap(doc, out.accounts, false), true);
  if (out.vpcs.size > 0) {
    const vpcs = new YAMLMap();
    for (const id of [...out.vpcs.keys()].sort(cmp)) {
      const vpc = out.vpcs.get(id)!;
      const key = doc.createNode(id) as Scalar;
      key.commentBefore = comment(vpc.sources, vpc.notes, vpc.name);
      key.spaceBefore = vpcs.items.length > 0;
      vpcs.items.push(new Pair(key, vpcNode(doc, vpc)));
    }
    add('vpcs', vpcs, true);
  }
  if (out.peeringConnections.size > 0) add('peeringConnections', idMap(doc, out.peeringConnections, true), true);
  if (out.transitGateways.size > 0) add('transitGateways', idMap(doc, out.transitGateways, false), true);
  if (out.prefixLists.size > 0) add('prefixLists', idMap(doc, out.prefixLists, false), true);
  if (out.onPremises.size > 0) add('onPremises', idMap(doc, out.onPremises, false), true);
  if (out.virtualPrivateGateways.size > 0) add('virtualPrivateGateways', idMap(doc, out.virtualPrivateGateways, true), true);
  if (out.customerGateways.size > 0) add('customerGateways', idMap(doc, out.customerGateways, true), true);
  if (out.vpnConnections.size > 0) add('vpnConnections', idMap(doc, out.vpnConnections, false), true);
  if (out.hostedZones.size > 0) add('hostedZones', idMap(doc, out.hostedZones, false), true);
  if (out.unmodelled.size > 0) add('unmodelled', idMap(doc, out.unmodelled, true), true);
  doc.contents = root;
  doc.commentBefore = header;
  return doc.toString({ lineWidth: 0 });
}
