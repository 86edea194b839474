terraform {
  required_version = ">= 1.6"
  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.20"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
  # State in a versioned GCS bucket created once by hand (docs/deploy.md, step 1).
  backend "gcs" {
    prefix = "souk/prod"
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
}
