# Workload Identity Federation for GitHub Actions: release.yml pushes images as a service account
# without a key, and only from this repository.
variable "project_id" { type = string }
variable "repository" {
  type        = string
  description = "owner/name of the GitHub repository allowed to push."
}
variable "artifact_registry_repository_id" { type = string }
variable "region" { type = string }

resource "google_iam_workload_identity_pool" "github" {
  project                   = var.project_id
  workload_identity_pool_id = "github"
}

resource "google_iam_workload_identity_pool_provider" "github" {
  project                            = var.project_id
  workload_identity_pool_id          = google_iam_workload_identity_pool.github.workload_identity_pool_id
  workload_identity_pool_provider_id = "github"
  attribute_mapping = {
    "google.subject"       = "assertion.sub"
    "attribute.repository" = "assertion.repository"
    "attribute.ref"        = "assertion.ref"
  }
  attribute_condition = "assertion.repository == \"${var.repository}\""
  oidc {
    issuer_uri = "https://token.actions.githubusercontent.com"
  }
}

resource "google_service_account" "release" {
  project      = var.project_id
  account_id   = "souk-release"
  display_name = "GitHub Actions release (pushes images)"
}

resource "google_service_account_iam_member" "release_wif" {
  service_account_id = google_service_account.release.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.github.name}/attribute.repository/${var.repository}"
}

resource "google_artifact_registry_repository_iam_member" "release_push" {
  project    = var.project_id
  location   = var.region
  repository = var.artifact_registry_repository_id
  role       = "roles/artifactregistry.writer"
  member     = "serviceAccount:${google_service_account.release.email}"
}

output "provider" { value = google_iam_workload_identity_pool_provider.github.name }
output "service_account" { value = google_service_account.release.email }
