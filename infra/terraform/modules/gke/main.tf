# GKE Autopilot (regional) with Workload Identity, private nodes, and the Gateway/Ingress controller.
variable "project_id" { type = string }
variable "region" { type = string }
variable "name" { type = string }
variable "network_id" { type = string }
variable "subnet_id" { type = string }
variable "master_authorized_cidr" {
  type        = string
  description = "CIDR allowed to reach the control plane (CI runners' egress or a bastion)."
}

resource "google_container_cluster" "this" {
  project             = var.project_id
  name                = var.name
  location            = var.region
  enable_autopilot    = true
  network             = var.network_id
  subnetwork          = var.subnet_id
  deletion_protection = true

  ip_allocation_policy {
    cluster_secondary_range_name  = "pods"
    services_secondary_range_name = "services"
  }
  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = false
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }
  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = var.master_authorized_cidr
      display_name = "operators"
    }
  }
  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }
  release_channel {
    channel = "REGULAR"
  }
}

output "cluster_name" { value = google_container_cluster.this.name }
output "workload_pool" { value = "${var.project_id}.svc.id.goog" }
