# Docker repository for the images release.yml pushes; old untagged digests are cleaned up.
variable "project_id" { type = string }
variable "region" { type = string }

resource "google_artifact_registry_repository" "souk" {
  project       = var.project_id
  location      = var.region
  repository_id = "souk"
  format        = "DOCKER"
  cleanup_policies {
    id     = "delete-untagged"
    action = "DELETE"
    condition {
      tag_state  = "UNTAGGED"
      older_than = "2592000s"
    }
  }
}

output "repository" { value = "${var.region}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.souk.repository_id}" }
output "repository_id" { value = google_artifact_registry_repository.souk.id }
