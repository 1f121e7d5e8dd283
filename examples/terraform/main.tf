# A PrivateLink design before it exists: a provider VPC publishes an API through a Network
# Load Balancer and an endpoint service; a consumer VPC reaches it through an interface
# endpoint, and reaches Amazon S3 through a gateway endpoint. vpcsim checks the plan of
# this configuration (plan.json) against checks.yaml:
#
#   terraform plan -out tfplan && terraform show -json tfplan > plan.json
#   vpcsim check plan.json --checks checks.yaml

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111122223333"]
}

# ---- provider VPC: the API behind an NLB and an endpoint service ----

resource "aws_vpc" "provider" {
  cidr_block = "10.10.0.0/16"
  tags       = { Name = "api-provider" }
}

resource "aws_subnet" "provider_a" {
  vpc_id               = aws_vpc.provider.id
  cidr_block           = "10.10.1.0/24"
  availability_zone_id = "use1-az1"
}

resource "aws_subnet" "provider_b" {
  vpc_id               = aws_vpc.provider.id
  cidr_block           = "10.10.2.0/24"
  availability_zone_id = "use1-az2"
}

# The NLB has no security group: PrivateLink traffic reaches the target from the NLB's
# private addresses, so the target lets the provider VPC's block in on 443.
resource "aws_security_group" "api" {
  name   = "api"
  vpc_id = aws_vpc.provider.id

  ingress {
    description = "HTTPS from the NLB"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.10.0.0/16"]
  }
}

resource "aws_instance" "api" {
  ami                    = "ami-0abcdef1234567890"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.provider_a.id
  vpc_security_group_ids = [aws_security_group.api.id]
  tags                   = { Name = "api" }
}

# Cross-zone load balancing is off by default on an NLB: without it, connections through the
# endpoint's interface in use1-az2 reach the NLB node in use1-az2, which has no target there
# (vpcsim check says ELB_NOT_CROSSZONE). Turning it on lets every node use the one target.
resource "aws_lb" "api" {
  name                             = "api"
  load_balancer_type               = "network"
  internal                         = true
  subnets                          = [aws_subnet.provider_a.id, aws_subnet.provider_b.id]
  enable_cross_zone_load_balancing = true
}

resource "aws_lb_target_group" "api" {
  name     = "api"
  port     = 443
  protocol = "TCP"
  vpc_id   = aws_vpc.provider.id
}

resource "aws_lb_target_group_attachment" "api" {
  target_group_arn = aws_lb_target_group.api.arn
  target_id        = aws_instance.api.id
  port             = 443
}

resource "aws_lb_listener" "api" {
  load_balancer_arn = aws_lb.api.arn
  port              = 443
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api.arn
  }
}

resource "aws_vpc_endpoint_service" "api" {
  acceptance_required        = false
  network_load_balancer_arns = [aws_lb.api.arn]
}

# An endpoint service is available to no one until a principal is allowed.
resource "aws_vpc_endpoint_service_allowed_principal" "consumer" {
  vpc_endpoint_service_id = aws_vpc_endpoint_service.api.id
  principal_arn           = "arn:aws:iam::111122223333:root"
}

# ---- consumer VPC: an interface endpoint to the API, a gateway endpoint to S3 ----

resource "aws_vpc" "consumer" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_hostnames = true
  tags                 = { Name = "consumer" }
}

resource "aws_subnet" "app_a" {
  vpc_id               = aws_vpc.consumer.id
  cidr_block           = "10.20.1.0/24"
  availability_zone_id = "use1-az1"
}

resource "aws_subnet" "app_b" {
  vpc_id               = aws_vpc.consumer.id
  cidr_block           = "10.20.2.0/24"
  availability_zone_id = "use1-az2"
}

resource "aws_route_table" "app" {
  vpc_id = aws_vpc.consumer.id
}

resource "aws_route_table_association" "app_a" {
  subnet_id      = aws_subnet.app_a.id
  route_table_id = aws_route_table.app.id
}

resource "aws_route_table_association" "app_b" {
  subnet_id      = aws_subnet.app_b.id
  route_table_id = aws_route_table.app.id
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.consumer.id

  egress {
    description = "HTTPS inside the VPC (the API endpoint)"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"]
  }

  egress {
    description     = "HTTPS to S3"
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    prefix_list_ids = [aws_vpc_endpoint.s3.prefix_list_id]
  }
}

resource "aws_security_group" "endpoint" {
  name   = "api-endpoint"
  vpc_id = aws_vpc.consumer.id

  ingress {
    description     = "HTTPS from the app"
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    security_groups = [aws_security_group.app.id]
  }
}

resource "aws_instance" "app" {
  ami                    = "ami-0abcdef1234567890"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.app_a.id
  vpc_security_group_ids = [aws_security_group.app.id]
  tags                   = { Name = "app" }
}

resource "aws_vpc_endpoint" "api" {
  vpc_id              = aws_vpc.consumer.id
  service_name        = aws_vpc_endpoint_service.api.service_name
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.app_a.id, aws_subnet.app_b.id]
  security_group_ids  = [aws_security_group.endpoint.id]
  private_dns_enabled = false
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.consumer.id
  service_name      = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.app.id]
}
