# Secret Manager secrets the External Secrets Operator syncs into the cluster (infra/k8s/base/
# externalsecrets.yaml), and the Google service account it reads them as (Workload Identity).
variable "project_id" { type = string }
variable "secrets" {
  type        = map(string)
  description = "Secret id → value. Values computed by other modules (database URL, Redis URL)."
  sensitive   = true
}
variable "reader_namespace" {
  type    = string
  default = "external-secrets"
}

resource "google_secret_manager_secret" "this" {
  for_each  = nonsensitive(toset(keys(var.secrets)))
  project   = var.project_id
  secret_id = each.key
  replication {
    auto {}
  }
}

resource "google_secret_manager_secret_version" "this" {
  for_each    = nonsensitive(toset(keys(var.secrets)))
  secret      = google_secret_manager_secret.this[each.key].id
  secret_data = var.secrets[each.key]
}

resource "google_service_account" "external_secrets" {
  project      = var.project_id
  account_id   = "external-secrets"
  display_name = "External Secrets Operator (reads Souk's secrets)"
}

resource "google_secret_manager_secret_iam_member" "reader" {
  for_each  = nonsensitive(toset(keys(var.secrets)))
  project   = var.project_id
  secret_id = google_secret_manager_secret.this[each.key].secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.external_secrets.email}"
}

resource "google_service_account_iam_member" "workload_identity" {
  service_account_id = google_service_account.external_secrets.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[${var.reader_namespace}/external-secrets]"
}

output "reader_email" { value = google_service_account.external_secrets.email }
