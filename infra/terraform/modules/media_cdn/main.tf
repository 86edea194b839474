# Product media: a private-by-default bucket served through a global external HTTPS load balancer
# with Cloud CDN (a backend bucket), a Google-managed certificate, and HTTP → HTTPS redirect.
variable "project_id" { type = string }
variable "name" { type = string }
variable "location" { type = string }
variable "domain" { type = string }

resource "google_storage_bucket" "media" {
  project                     = var.project_id
  name                        = var.name
  location                    = var.location
  uniform_bucket_level_access = true
  public_access_prevention    = "inherited"
  versioning {
    enabled = true
  }
  lifecycle_rule {
    condition {
      num_newer_versions = 3
    }
    action {
      type = "Delete"
    }
  }
}

# Readable by everyone only through the CDN's URL; the bucket itself takes no writes from outside.
resource "google_storage_bucket_iam_member" "public_read" {
  bucket = google_storage_bucket.media.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

resource "google_compute_backend_bucket" "media" {
  project     = var.project_id
  name        = "${var.name}-backend"
  bucket_name = google_storage_bucket.media.name
  enable_cdn  = true
  cdn_policy {
    cache_mode        = "CACHE_ALL_STATIC"
    default_ttl       = 3600
    max_ttl           = 86400
    negative_caching  = true
    serve_while_stale = 86400
  }
}

resource "google_compute_global_address" "media" {
  project = var.project_id
  name    = "${var.name}-ip"
}

resource "google_compute_managed_ssl_certificate" "media" {
  project = var.project_id
  name    = "${var.name}-cert"
  managed {
    domains = [var.domain]
  }
}

resource "google_compute_url_map" "media" {
  project         = var.project_id
  name            = "${var.name}-urlmap"
  default_service = google_compute_backend_bucket.media.id
}

resource "google_compute_target_https_proxy" "media" {
  project          = var.project_id
  name             = "${var.name}-https"
  url_map          = google_compute_url_map.media.id
  ssl_certificates = [google_compute_managed_ssl_certificate.media.id]
}

resource "google_compute_global_forwarding_rule" "https" {
  project               = var.project_id
  name                  = "${var.name}-https"
  target                = google_compute_target_https_proxy.media.id
  ip_address            = google_compute_global_address.media.address
  port_range            = "443"
  load_balancing_scheme = "EXTERNAL_MANAGED"
}

resource "google_compute_url_map" "redirect" {
  project = var.project_id
  name    = "${var.name}-redirect"
  default_url_redirect {
    https_redirect = true
    strip_query    = false
  }
}

resource "google_compute_target_http_proxy" "redirect" {
  project = var.project_id
  name    = "${var.name}-http"
  url_map = google_compute_url_map.redirect.id
}

resource "google_compute_global_forwarding_rule" "http" {
  project               = var.project_id
  name                  = "${var.name}-http"
  target                = google_compute_target_http_proxy.redirect.id
  ip_address            = google_compute_global_address.media.address
  port_range            = "80"
  load_balancing_scheme = "EXTERNAL_MANAGED"
}

output "bucket" { value = google_storage_bucket.media.name }
output "ip_address" { value = google_compute_global_address.media.address }
