# Values the deployment guide copies into GitHub repository variables and the prod overlay.
output "artifact_registry" { value = module.registry.repository }
output "gke_cluster" { value = module.gke.cluster_name }
output "kafka_bootstrap" { value = module.kafka.bootstrap }
output "media_bucket" { value = module.media.bucket }
output "media_ip" { value = module.media.ip_address }
output "github_wif_provider" { value = module.github_wif.provider }
output "github_release_service_account" { value = module.github_wif.service_account }
output "external_secrets_service_account" { value = module.secrets.reader_email }
