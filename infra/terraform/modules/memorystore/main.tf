# Memorystore for Redis 7 (standard tier: a replica with automatic failover), private service access,
# AUTH and in-transit encryption on. Rate limits, shared caches, sessions and the Socket.IO adapter.
variable "project_id" { type = string }
variable "region" { type = string }
variable "name" { type = string }
variable "network_id" { type = string }
variable "private_services_connection" { type = string }
variable "memory_size_gb" {
  type    = number
  default = 2
}

resource "google_redis_instance" "this" {
  project                 = var.project_id
  name                    = var.name
  region                  = var.region
  tier                    = "STANDARD_HA"
  memory_size_gb          = var.memory_size_gb
  redis_version           = "REDIS_7_2"
  authorized_network      = var.network_id
  connect_mode            = "PRIVATE_SERVICE_ACCESS"
  auth_enabled            = true
  transit_encryption_mode = "SERVER_AUTHENTICATION"
  depends_on              = [var.private_services_connection]
}

output "redis_url" {
  value     = "rediss://:${google_redis_instance.this.auth_string}@${google_redis_instance.this.host}:${google_redis_instance.this.port}"
  sensitive = true
}
