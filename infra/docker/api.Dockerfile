# syntax=docker/dockerfile:1
# Souk API image: compiled JavaScript (npm run build), production dependencies only, no TypeScript
# loader at runtime. Build from the repository root:
#   docker build -f infra/docker/api.Dockerfile -t souk-api .
#   docker run -p 4000:4000 -e DATABASE_URL=postgres://user:pass@host:5432/souk souk-api
# Without DATABASE_URL the API falls back to embedded PGlite under /app/.souk (a demo; lost with the
# container unless a volume is mounted there). The plugin runner image (plugins.Dockerfile) shares
# the build stages below.
ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: every workspace the build needs, then spec bundle + generated types + compiled JS ---
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci -w api -w sdk -w plugins/kit -w plugins/webhooks -w plugins/inventory-alerts --include-workspace-root --no-audit --no-fund
RUN npm run build

# --- prod-deps: runtime dependencies of the API and the plugins only ---
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev -w api -w plugins/kit -w plugins/webhooks -w plugins/inventory-alerts --include-workspace-root --no-audit --no-fund

# --- runtime: node_modules, package manifests (for the souk-dist exports), compiled output, spec ---
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=prod-deps /app/package.json /app/package-lock.json ./
COPY --from=prod-deps /app/node_modules node_modules
COPY --from=build /app/api/package.json api/
COPY --from=build /app/api/dist api/dist
COPY --from=build /app/plugins/kit/package.json plugins/kit/
COPY --from=build /app/plugins/kit/dist plugins/kit/dist
COPY --from=build /app/plugins/webhooks/package.json plugins/webhooks/
COPY --from=build /app/plugins/webhooks/dist plugins/webhooks/dist
COPY --from=build /app/plugins/inventory-alerts/package.json plugins/inventory-alerts/
COPY --from=build /app/plugins/inventory-alerts/dist plugins/inventory-alerts/dist
# The bundled spec and docs page the API serves (/openapi.json, /docs).
COPY --from=build /app/spec/dist spec/dist
# Only the PGlite fallback writes inside /app; everything else stays root-owned and read-only.
RUN mkdir .souk && chown node:node .souk
# The image's `node` user, by number so Kubernetes can verify runAsNonRoot.
USER 1000:1000
# 4000: the API. 9464: /metrics when METRICS_PORT=9464 (the Kubernetes manifests set it).
EXPOSE 4000 9464
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 and handles SIGTERM itself (graceful drain, see api/src/main.ts).
CMD ["node", "--conditions=souk-dist", "--enable-source-maps", "api/dist/main.js"]
