# Souk production on GCP: network → GKE Autopilot, Cloud SQL, Memorystore, Managed Kafka, media
# bucket behind the HTTPS load balancer with Cloud CDN, Artifact Registry, Secret Manager, IAM.
# Apply: terraform init -backend-config=bucket=<state bucket> && terraform apply (docs/deploy.md).
locals {
  name = "souk-prod"
}

resource "google_project_service" "apis" {
  for_each = toset([
    "compute.googleapis.com", "container.googleapis.com", "sqladmin.googleapis.com",
    "redis.googleapis.com", "servicenetworking.googleapis.com", "secretmanager.googleapis.com",
    "artifactregistry.googleapis.com", "managedkafka.googleapis.com", "iamcredentials.googleapis.com",
  ])
  project            = var.project_id
  service            = each.key
  disable_on_destroy = false
}

module "network" {
  source     = "../../modules/network"
  project_id = var.project_id
  region     = var.region
  name       = local.name
  depends_on = [google_project_service.apis]
}

module "gke" {
  source                 = "../../modules/gke"
  project_id             = var.project_id
  region                 = var.region
  name                   = local.name
  network_id             = module.network.network_id
  subnet_id              = module.network.subnet_id
  master_authorized_cidr = var.master_authorized_cidr
}

module "cloudsql" {
  source                      = "../../modules/cloudsql"
  project_id                  = var.project_id
  region                      = var.region
  name                        = "${local.name}-pg"
  network_id                  = module.network.network_id
  private_services_connection = module.network.private_services_connection
}

module "memorystore" {
  source                      = "../../modules/memorystore"
  project_id                  = var.project_id
  region                      = var.region
  name                        = "${local.name}-redis"
  network_id                  = module.network.network_id
  private_services_connection = module.network.private_services_connection
}

module "kafka" {
  source     = "../../modules/kafka"
  project_id = var.project_id
  region     = var.region
  name       = "${local.name}-kafka"
  subnet_id  = module.network.subnet_id
}

module "media" {
  source     = "../../modules/media_cdn"
  project_id = var.project_id
  name       = "${var.project_id}-media"
  location   = "EU"
  domain     = var.media_domain
}

module "registry" {
  source     = "../../modules/artifact_registry"
  project_id = var.project_id
  region     = var.region
}

module "github_wif" {
  source                          = "../../modules/github_wif"
  project_id                      = var.project_id
  region                          = var.region
  repository                      = var.github_repository
  artifact_registry_repository_id = module.registry.repository_id
}

resource "random_password" "metrics_token" {
  length  = 40
  special = false
}

module "secrets" {
  source     = "../../modules/secrets"
  project_id = var.project_id
  secrets = {
    "souk-database-url"  = module.cloudsql.database_url
    "souk-redis-url"     = module.memorystore.redis_url
    "souk-metrics-token" = random_password.metrics_token.result
  }
}
