# syntax=docker/dockerfile:1
# Souk plugin runner: hosts the plugins named in PLUGINS (and an outbox relay) next to API processes
# started with PLUGINS_IN_PROCESS=false. Same compiled output as the API image, another entry point.
#   docker build -f infra/docker/plugins.Dockerfile -t souk-plugins .
# It needs DATABASE_URL (a server database) and serves /metrics on METRICS_PORT.
ARG API_IMAGE=souk-api:local
FROM ${API_IMAGE}
ENV METRICS_PORT=9464
EXPOSE 9464
# No HTTP API here: the process is healthy while it runs (Kubernetes probes the metrics port).
HEALTHCHECK NONE
CMD ["node", "--conditions=souk-dist", "--enable-source-maps", "api/dist/plugins/cli.js"]
