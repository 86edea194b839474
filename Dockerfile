# syntax=docker/dockerfile:1
# Souk API image.
#   docker build -t souk-api .
#   docker run -p 4000:4000 -e DATABASE_URL=postgres://user:pass@host:5432/souk souk-api
# Without DATABASE_URL the API falls back to embedded PGlite under /app/.souk (fine for a demo,
# lost with the container unless a volume is mounted there).

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: all dependencies, then derive spec/dist and the generated types from spec/ ---
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Manifests first so the dependency layer is reused until the lockfile changes.
COPY . .
# Only the API's and the plugins' workspaces: the SDK and storefronts are not part of this image.
RUN --mount=type=cache,target=/root/.npm npm ci -w api -w plugins/kit -w plugins/webhooks -w plugins/inventory-alerts --include-workspace-root --no-audit --no-fund
RUN npm run generate

# --- prod-deps: runtime dependencies only (tsx is a dependency of the api workspace) ---
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev -w api -w plugins/kit -w plugins/webhooks -w plugins/inventory-alerts --include-workspace-root --no-audit --no-fund

# --- runtime ---
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# package manifests + node_modules (including the api workspace link).
COPY --from=prod-deps /app/package.json /app/package-lock.json ./
COPY --from=prod-deps /app/node_modules node_modules
COPY --from=prod-deps /app/api/package.json api/
COPY --from=build /app/plugins plugins
# tsx reads the tsconfig in the working directory; the source runs as TypeScript through tsx.
COPY --from=build /app/tsconfig.json /app/tsconfig.base.json ./
COPY --from=build /app/api/tsconfig.json api/
COPY --from=build /app/api/src api/src
# The bundled spec and docs page the API serves (/openapi.json, /docs).
COPY --from=build /app/spec/dist spec/dist
# Only the PGlite fallback writes inside /app; everything else stays root-owned and read-only.
RUN mkdir .souk && chown node:node .souk
# The image's `node` user, by number so Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 4000
# Migrations (and the demo seed, if enabled) run before the server listens: allow for that.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 and handles SIGTERM itself (graceful drain, see api/src/main.ts).
# The same image runs the plugin host: command `node --import tsx api/src/plugins/cli.ts`.
CMD ["node", "--import", "tsx", "api/src/main.ts"]
