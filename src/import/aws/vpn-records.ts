// The VPN records of a snapshot, as map-vpn.ts reads them: plain data the snapshot holds,
// apart from the mappers, so that snapshot.ts depends on records only.
import type { Src } from './json-reader.js';

/** A virtual private gateway (describe-vpn-gateways). */
export interface VgwRec {
  readonly id: string;
  readonly state: string | undefined;
  readonly attachedVpcs: string[];
  readonly asn: number | undefined;
  readonly src: Src;
}

/** A VPN connection (describe-vpn-connections). */
export interface VpnRec {
  readonly id: string;
  readonly state: string | undefined;
  readonly customerGatewayId: string | undefined;
  readonly vgwId: string | undefined;
  readonly tgwId: string | undefined;
  readonly staticRoutesOnly: boolean;
  readonly routes: { readonly cidr: string; readonly state: string | undefined; readonly path: string }[];
  readonly src: Src;
}

/** A customer gateway (describe-customer-gateways). */
export interface CgwRec {
  readonly id: string;
  readonly state: string | undefined;
  readonly ip: string | undefined;
  readonly asn: number | undefined;
  readonly src: Src;
}

/** The VPN records of a snapshot. */
export interface VpnRecs {
  readonly gateways: VgwRec[];
  readonly connections: VpnRec[];
  readonly customerGateways: CgwRec[];
}
