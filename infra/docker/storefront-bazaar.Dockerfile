# syntax=docker/dockerfile:1
# Bazaar storefront (Next.js) image: `next build` output served by `next start`, production
# dependencies only. Build from the repository root:
#   docker build -f infra/docker/storefront-bazaar.Dockerfile -t souk-storefront-bazaar .
#   docker run -p 3000:3000 -e SOUK_API_URL=http://api:4000 -e SOUK_PUBLISHABLE_KEY=pk_live_… souk-storefront-bazaar
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci -w sdk -w storefronts/bazaar --include-workspace-root --no-audit --no-fund
# The SDK's generated types come from spec/ (npm run generate), then the theme's production build.
RUN npm run generate && npm run build -w storefronts/bazaar

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev -w sdk -w storefronts/bazaar --include-workspace-root --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
WORKDIR /app
COPY --from=prod-deps /app/package.json /app/package-lock.json ./
COPY --from=prod-deps /app/node_modules node_modules
COPY --from=build /app/sdk sdk
COPY --from=build /app/storefronts/bazaar/package.json /app/storefronts/bazaar/next.config.ts storefronts/bazaar/
COPY --from=build /app/storefronts/bazaar/.next storefronts/bazaar/.next
USER 1000:1000
EXPOSE 3000
WORKDIR /app/storefronts/bazaar
CMD ["node", "../../node_modules/next/dist/bin/next", "start"]
