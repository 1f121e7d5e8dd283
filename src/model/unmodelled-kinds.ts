// What a route may target in AWS that vpcsim does not model, or does not hold: an
// `unmodelled:` entry of a VPC names such a resource so that a route to it is written as
// it is in AWS ("Route table concepts": route targets, Amazon VPC guide) instead of as a
// blackhole. A trace that reaches one stops with UNMODELLED_TARGET and says its verdict
// rests on an unmodelled part; the importers write one for every route whose target they
// cannot follow (an unmodelled kind, or a resource outside the snapshot or plan).

/** Every kind an unmodelled route target can be: AWS's route target kinds, and `other`. */
export const UNMODELLED_KINDS = [
  'transitGateway', 'virtualPrivateGateway', 'carrierGateway', 'localGateway', 'coreNetwork', 'networkInterface',
  'natGateway', 'peeringConnection', 'instance', 'internetGateway', 'egressOnlyInternetGateway', 'endpoint', 'other',
] as const;

/** The kind of an unmodelled route target. */
export type UnmodelledKind = (typeof UNMODELLED_KINDS)[number];

/** Words for each kind, for traces and messages (the compiler keeps it complete). */
export const UNMODELLED_KIND_WORDS: Readonly<Record<UnmodelledKind, string>> = {
  transitGateway: 'transit gateway',
  virtualPrivateGateway: 'virtual private gateway',
  carrierGateway: 'carrier gateway',
  localGateway: 'local gateway',
  coreNetwork: 'Cloud WAN core network',
  networkInterface: 'network interface',
  natGateway: 'NAT gateway',
  peeringConnection: 'peering connection',
  instance: 'instance',
  internetGateway: 'internet gateway',
  egressOnlyInternetGateway: 'egress-only internet gateway',
  endpoint: 'VPC endpoint',
  other: 'route target',
};

/** The kind of an AWS route target id, by its prefix (`tgw-`, `cagw-`, an ARN of Cloud WAN...). */
export function unmodelledKindOf(awsId: string): UnmodelledKind {
  const prefixes: readonly (readonly [string, UnmodelledKind])[] = [
    ['tgw-', 'transitGateway'], ['vgw-', 'virtualPrivateGateway'], ['cagw-', 'carrierGateway'], ['lgw-', 'localGateway'],
    ['eni-', 'networkInterface'], ['nat-', 'natGateway'], ['pcx-', 'peeringConnection'], ['i-', 'instance'],
    ['igw-', 'internetGateway'], ['eigw-', 'egressOnlyInternetGateway'], ['vpce-', 'endpoint'],
  ];
  if (/^arn:aws[a-z-]*:networkmanager:/.test(awsId)) return 'coreNetwork';
  return prefixes.find(([p]) => awsId.startsWith(p))?.[1] ?? 'other';
}
