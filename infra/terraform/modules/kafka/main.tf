# Google Cloud Managed Service for Apache Kafka: a cluster reachable from the GKE subnet, and the
# events topic (the API's relay would create it too; declared here so partitions are reviewed).
variable "project_id" { type = string }
variable "region" { type = string }
variable "name" { type = string }
variable "subnet_id" { type = string }
variable "partitions" {
  type    = number
  default = 12
}

resource "google_managed_kafka_cluster" "this" {
  project    = var.project_id
  cluster_id = var.name
  location   = var.region
  capacity_config {
    vcpu_count   = 3
    memory_bytes = 3221225472
  }
  gcp_config {
    access_config {
      network_configs {
        subnet = var.subnet_id
      }
    }
  }
}

resource "google_managed_kafka_topic" "events" {
  project            = var.project_id
  cluster            = google_managed_kafka_cluster.this.cluster_id
  location           = var.region
  topic_id           = "souk.events"
  partition_count    = var.partitions
  replication_factor = 3
  configs = {
    "retention.ms" = "604800000"
  }
}

output "bootstrap" { value = "bootstrap.${google_managed_kafka_cluster.this.cluster_id}.${var.region}.managedkafka.${var.project_id}.cloud.goog:9092" }
