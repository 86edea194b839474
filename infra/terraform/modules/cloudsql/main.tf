# Cloud SQL for PostgreSQL 15: private IP only, regional HA, daily backups with point-in-time
# recovery (WAL kept 7 days), SSL required, query insights on.
variable "project_id" { type = string }
variable "region" { type = string }
variable "name" { type = string }
variable "network_id" { type = string }
variable "tier" {
  type    = string
  default = "db-custom-2-7680"
}
variable "private_services_connection" {
  type        = string
  description = "Dependency on the VPC peering (the instance cannot get a private IP before it)."
}

resource "google_sql_database_instance" "this" {
  project             = var.project_id
  name                = var.name
  region              = var.region
  database_version    = "POSTGRES_15"
  deletion_protection = true

  settings {
    tier              = var.tier
    availability_type = "REGIONAL"
    disk_autoresize   = true
    ip_configuration {
      ipv4_enabled    = false
      private_network = var.network_id
      ssl_mode        = "ENCRYPTED_ONLY"
    }
    backup_configuration {
      enabled                        = true
      start_time                     = "02:00"
      point_in_time_recovery_enabled = true
      transaction_log_retention_days = 7
      backup_retention_settings {
        retained_backups = 30
      }
    }
    insights_config {
      query_insights_enabled = true
    }
    database_flags {
      name  = "max_connections"
      value = "400"
    }
  }
  depends_on = [var.private_services_connection]
}

resource "google_sql_database" "souk" {
  project  = var.project_id
  instance = google_sql_database_instance.this.name
  name     = "souk"
}

resource "random_password" "souk" {
  length  = 32
  special = false
}

resource "google_sql_user" "souk" {
  project  = var.project_id
  instance = google_sql_database_instance.this.name
  name     = "souk"
  password = random_password.souk.result
}

output "private_ip" { value = google_sql_database_instance.this.private_ip_address }
output "database_url" {
  value     = "postgres://souk:${random_password.souk.result}@${google_sql_database_instance.this.private_ip_address}:5432/souk?sslmode=require"
  sensitive = true
}
