variable "project_id" {
  type        = string
  description = "GCP project that holds this environment."
}
variable "region" {
  type    = string
  default = "europe-west1"
}
variable "github_repository" {
  type        = string
  description = "owner/name of the repository whose release workflow may push images."
}
variable "media_domain" {
  type        = string
  description = "Host name of the media CDN (a DNS A record points at output media_ip)."
}
variable "master_authorized_cidr" {
  type        = string
  description = "CIDR allowed to reach the GKE control plane."
}
