// The one table from Terraform resource type to mapper. Rows run in order (each refers
// only to what earlier rows wrote); a row's resources are those of its types, data
// sources only where `data` is set. A new kind (a transit gateway) is one row and one
// mapper: replace its `unmodelled(...)` row. docs/terraform.md's mapping table follows
// this list.
import type { PlanContext } from './plan-context.js';
import type { PlanResource } from './plan-model.js';
import { mapEndpoints, mapEndpointServices } from './map-plan-endpoints.js';
import { mapLoadBalancers, mapTargetGroups } from './map-plan-load-balancers.js';
import { mapNetworkAcls } from './map-plan-network-acls.js';
import { mapPeerings, mapPrefixLists } from './map-plan-peerings.js';
import { mapRoutes, mapRouteTables } from './map-plan-route-tables.js';
import { mapSecurityGroupRules, mapSecurityGroups } from './map-plan-security-groups.js';
import { mapSubnets } from './map-plan-subnets.js';
import { mapHostedZones } from './map-plan-dns.js';
import { unmodelled } from './map-plan-unmodelled.js';
import { mapEgressOnlyInternetGateways, mapInternetGateways, mapVpcCidrs, mapVpcs } from './map-plan-vpcs.js';
import { mapInstances, mapNatGateways, mapNetworkInterfaces } from './map-plan-workloads.js';

/** One row: the resource types a mapper reads. */
export interface MapperRow {
  readonly types: readonly string[];
  /** Whether data sources of these types are read too (existing resources the plan names). */
  readonly data?: boolean;
  readonly map: (ctx: PlanContext, resources: readonly PlanResource[]) => void;
}

/** Every Terraform resource type vpcsim reads, in the order they are mapped. */
export const PLAN_MAPPERS: readonly MapperRow[] = [
  { types: ['aws_vpc', 'aws_default_vpc'], data: true, map: mapVpcs },
  { types: ['aws_vpc_ipv4_cidr_block_association'], map: mapVpcCidrs },
  { types: ['aws_internet_gateway', 'aws_internet_gateway_attachment'], map: mapInternetGateways },
  { types: ['aws_egress_only_internet_gateway'], map: mapEgressOnlyInternetGateways },
  { types: ['aws_subnet', 'aws_default_subnet'], data: true, map: mapSubnets },
  { types: ['aws_ec2_managed_prefix_list', 'aws_ec2_managed_prefix_list_entry'], map: mapPrefixLists },
  { types: ['aws_security_group', 'aws_default_security_group'], data: true, map: mapSecurityGroups },
  { types: ['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'], map: mapSecurityGroupRules },
  { types: ['aws_network_acl', 'aws_default_network_acl', 'aws_network_acl_rule', 'aws_network_acl_association'], map: mapNetworkAcls },
  { types: ['aws_vpc_peering_connection', 'aws_vpc_peering_connection_accepter'], map: mapPeerings },
  { types: ['aws_route_table', 'aws_default_route_table', 'awscc_ec2_route_table'], map: mapRouteTables },
  { types: ['aws_nat_gateway'], map: mapNatGateways },
  { types: ['aws_instance'], map: mapInstances },
  { types: ['aws_lb_target_group', 'aws_alb_target_group', 'aws_lb_target_group_attachment'], map: mapTargetGroups },
  { types: ['aws_lb', 'aws_alb', 'aws_lb_listener', 'aws_alb_listener'], map: mapLoadBalancers },
  { types: ['aws_vpc_endpoint_service', 'aws_vpc_endpoint_service_allowed_principal'], map: mapEndpointServices },
  {
    types: ['aws_vpc_endpoint', 'aws_vpc_endpoint_connection_accepter', 'aws_vpc_endpoint_route_table_association',
      'aws_vpc_endpoint_subnet_association', 'aws_vpc_endpoint_security_group_association'],
    map: mapEndpoints,
  },
  {
    types: ['aws_route', 'aws_route_table_association', 'awscc_ec2_subnet_route_table_association', 'aws_main_route_table_association'],
    map: mapRoutes,
  },
  { types: ['aws_network_interface', 'aws_network_interface_attachment', 'aws_network_interface_sg_attachment'], map: mapNetworkInterfaces },
  // Not modelled yet: named in warnings (one row each, so a mapper can replace it).
  { types: ['aws_ec2_transit_gateway'], map: unmodelled('transit gateway') },
  { types: ['aws_ec2_transit_gateway_vpc_attachment', 'aws_ec2_transit_gateway_peering_attachment', 'aws_ec2_transit_gateway_vpn_attachment',
    'aws_ec2_transit_gateway_dx_gateway_attachment', 'aws_ec2_transit_gateway_connect'], map: unmodelled('transit gateway attachment') },
  { types: ['aws_ec2_transit_gateway_route_table', 'aws_ec2_transit_gateway_route', 'aws_ec2_transit_gateway_route_table_association',
    'aws_ec2_transit_gateway_route_table_propagation'], map: unmodelled('transit gateway routing') },
  { types: ['aws_vpn_gateway', 'aws_vpn_gateway_attachment', 'aws_vpn_gateway_route_propagation'], map: unmodelled('virtual private gateway') },
  { types: ['aws_vpn_connection', 'aws_vpn_connection_route'], map: unmodelled('VPN connection') },
  { types: ['aws_customer_gateway'], map: unmodelled('customer gateway') },
  { types: ['aws_dx_gateway', 'aws_dx_gateway_association', 'aws_dx_connection', 'aws_dx_private_virtual_interface', 'aws_dx_transit_virtual_interface'], map: unmodelled('Direct Connect resource') },
  { types: ['aws_route53_zone', 'aws_route53_zone_association', 'aws_route53_record'], map: mapHostedZones },
  { types: ['aws_route53_vpc_association_authorization'], map: unmodelled('Route 53 resource') },
  { types: ['aws_route53_resolver_endpoint', 'aws_route53_resolver_rule', 'aws_route53_resolver_rule_association'], map: unmodelled('Route 53 Resolver resource') },
  { types: ['aws_elb', 'aws_lb_listener_rule', 'aws_alb_listener_rule'], map: unmodelled('Classic or Application Load Balancer resource') },
  { types: ['aws_eip', 'aws_eip_association'], map: unmodelled('Elastic IP not associated with an instance or NAT gateway') },
  { types: ['aws_vpc_dhcp_options', 'aws_vpc_dhcp_options_association'], map: unmodelled('DHCP option set') },
  { types: ['aws_vpc_peering_connection_options'], map: unmodelled('peering connection option (DNS resolution across the peering)') },
  { types: ['aws_networkfirewall_firewall', 'aws_ec2_client_vpn_endpoint', 'aws_ec2_carrier_gateway'], map: unmodelled('network resource') },
  { types: ['aws_db_instance', 'aws_rds_cluster', 'aws_elasticsearch_domain', 'aws_opensearch_domain', 'aws_eks_cluster', 'aws_lambda_function',
    'aws_neptune_cluster', 'aws_elasticache_cluster', 'aws_efs_mount_target', 'aws_ecs_service'], map: unmodelled('service with interfaces in a VPC') },
];
