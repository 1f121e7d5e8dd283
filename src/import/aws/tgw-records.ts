// The transit gateway records of a snapshot, as the parsers in map-transit-gateways.ts read
// them: plain data the snapshot holds, apart from the mappers, so that snapshot.ts depends on
// records only (no import cycle through the mappers).
import type { Obj, Src } from './json-reader.js';

/** A transit gateway as read. */
export interface TgwRec {
  readonly id: string;
  readonly ownerId: string | undefined;
  readonly region: string | undefined;
  readonly options: Obj;
  readonly state: string | undefined;
  readonly src: Src;
}

/** An attachment as one gateway lists it (describe-transit-gateway-attachments). */
export interface TgwAttachmentRec {
  readonly id: string;
  readonly tgwId: string;
  readonly type: string;
  readonly resourceId: string | undefined;
  readonly state: string | undefined;
  /** The table it is associated with on this gateway (Association.State associated). */
  readonly associatedTable: string | undefined;
  readonly src: Src;
}

/** A VPC attachment's details (describe-transit-gateway-vpc-attachments). */
export interface TgwVpcAttachmentRec {
  readonly id: string;
  readonly tgwId: string;
  readonly vpcId: string;
  readonly subnetIds: string[];
  readonly applianceMode: boolean;
  readonly sgReferencing: boolean | undefined;
  readonly state: string | undefined;
  readonly src: Src;
}

/** A peering attachment's two sides (describe-transit-gateway-peering-attachments). */
export interface TgwPeeringRec {
  readonly id: string;
  readonly requester: string;
  readonly accepter: string;
  readonly src: Src;
}

/** A transit gateway route table. */
export interface TgwRouteTableRec {
  readonly id: string;
  readonly tgwId: string;
  readonly state: string | undefined;
  readonly src: Src;
}

/** One propagation into a table. */
export interface TgwPropagationRec {
  readonly tableId: string;
  readonly attachmentId: string;
  readonly state: string | undefined;
  readonly src: Src;
}

/** One static route of a table (search-transit-gateway-routes, type static). */
export interface TgwStaticRouteRec {
  readonly tableId: string;
  readonly cidr: string | undefined;
  readonly prefixListId: string | undefined;
  readonly attachmentId: string | undefined;
  readonly blackhole: boolean;
  readonly src: Src;
  readonly path: string;
}

/** Every transit gateway record of a snapshot. */
export interface TgwSnapshot {
  readonly gateways: TgwRec[];
  readonly attachments: TgwAttachmentRec[];
  readonly vpcAttachments: TgwVpcAttachmentRec[];
  readonly peerings: TgwPeeringRec[];
  readonly routeTables: TgwRouteTableRec[];
  readonly propagations: TgwPropagationRec[];
  readonly staticRoutes: TgwStaticRouteRec[];
}

/** An empty set of transit gateway records. */
export function emptyTgwSnapshot(): TgwSnapshot {
  return { gateways: [], attachments: [], vpcAttachments: [], peerings: [], routeTables: [], propagations: [], staticRoutes: [] };
}
