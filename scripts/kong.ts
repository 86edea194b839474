/**
 * Part of `npm run generate`: Kong's declarative configuration (infra/kong/kong.yaml, `_format_version`
 * 3.0) derived from the bundled OpenAPI document and the API's own configuration defaults, so the
 * gateway routes exactly the spec's paths and enforces the API's own tiers:
 *
 * - one route per operation group (first path segment) and security: `/store`, `/seller`, `/admin`, and
 *   the System paths; each route lists the group's spec paths as anchored regexes, so a path the spec
 *   does not have is refused at the edge;
 * - `key-auth` (header `X-Api-Key`, passed on to the API) on every route whose operations need a key;
 * - `rate-limiting` with the `redis` policy: the tier of the route's key kind per consumer, the
 *   anonymous tier per client address on open routes, and one consumer group per tier;
 * - `request-size-limiting` (the API's body limit), `cors` (the API's settings), `correlation-id`;
 * - an `upstream` of several API targets, round-robin, with active checks of `/ready` and passive checks.
 */
import { dump } from 'js-yaml';
import { loadConfig } from '../api/src/config.js';
import { CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS } from '../api/src/http/cors-headers.js';
import { isRateLimited } from '../api/src/http/rate-limited.js';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** API instances behind the gateway (names of the compose services / Kubernetes pods' DNS names). */
export const UPSTREAM_TARGETS = ['souk-api-1:4000', 'souk-api-2:4000', 'souk-api-3:4000'];
/**
 * Sockets-only instances (`npm run start:realtime`, the `souk-realtime` deployment) behind the
 * `/socket.io` route. Socket.IO's HTTP long-polling fallback needs every request of a session on the
 * instance that holds it, so this upstream is sticky (a cookie Kong sets), unlike the API's.
 */
export const REALTIME_TARGETS = ['souk-realtime-1:4000', 'souk-realtime-2:4000'];
/** Where the gateway's rate-limiting counters live (the same Redis as the API's, another database). */
export const KONG_REDIS = { host: 'redis', port: 6379, database: 1, timeout: 2000 };

/** The key kind each security scheme of the spec stands for, i.e. the rate-limit tier. */
const TIER_OF_SCHEME: Record<string, 'publishable' | 'seller' | 'operator'> = {
  PublishableKey: 'publishable',
  SellerKey: 'seller',
  OperatorKey: 'operator',
};

/** `/store/carts/{cartId}/items` → `~/store/carts/[^/]+/items$` (Kong 3 regex paths start with `~`). */
export function kongPath(specPath: string): string {
  const body = specPath
    .split('/')
    .map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('/');
  return `~${body}$`;
}

interface RouteGroup {
  name: string;
  paths: string[];
  tier: 'anonymous' | 'publishable' | 'seller' | 'operator';
  keyed: boolean;
  limited: boolean;
  /** Some operation also takes a signed-in person's bearer token instead of a key (verified by the API). */
  tokenAlternative: boolean;
}

/** The spec's operations grouped into routes: by first path segment, key kind and whether limited. */
export function routeGroups(document: Json): RouteGroup[] {
  const groups = new Map<string, RouteGroup>();
  for (const [path, item] of Object.entries(document.paths as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as { security?: Json[]; tags?: string[] } | undefined;
      if (!op) continue;
      // Bearer ID tokens (CustomerToken, StaffToken) are verified by the API; the gateway checks keys.
      const requirements = (op.security ?? []).map((r) => Object.keys(r).filter((s) => s in TIER_OF_SCHEME));
      const schemes = [...new Set(requirements.flat())];
      const tokenAlternative = requirements.some((r) => r.length === 0) && schemes.length > 0;
      if (schemes.length > 1) throw new Error(`kong: ${method} ${path} accepts several key kinds`);
      const tier = schemes[0] ? TIER_OF_SCHEME[schemes[0]] : 'anonymous';
      if (!tier) throw new Error(`kong: unknown security scheme ${schemes[0]}`);
      const limited = isRateLimited(op);
      const segment = path.split('/')[1] ?? '';
      const name = tier === 'anonymous' ? (limited ? `${segment}-open` : 'system') : segment;
      const group = groups.get(name) ?? {
        name,
        paths: [],
        tier,
        keyed: tier !== 'anonymous',
        limited,
        tokenAlternative: false,
      };
      group.tokenAlternative ||= tokenAlternative;
      if (group.tier !== tier || group.limited !== limited)
        throw new Error(`kong: operations of ${path} need different routes (mixed security or limits)`);
      if (!group.paths.includes(path)) group.paths.push(path);
      groups.set(name, group);
    }
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * What a tier's budget is counted by at the gateway. A publishable key ships in every browser of a
 * storefront, so the API counts it per key and client address; Kong cannot combine the two, so it
 * counts publishable traffic per address. Seller and operator keys are counted per consumer (key).
 */
const limitByOf = (tier: RouteGroup['tier']) =>
  tier === 'seller' || tier === 'operator' ? 'consumer' : 'ip';

const rateLimiting = (perMinute: number, limitBy: 'consumer' | 'ip' | 'header') => ({
  name: 'rate-limiting',
  config: {
    minute: perMinute,
    limit_by: limitBy,
    // Counters shared by every Kong node; if Redis is down Kong lets traffic through, like the API.
    policy: 'redis',
    redis: KONG_REDIS,
    fault_tolerant: true,
    hide_client_headers: false,
  },
});

/** The consumer a request without a key but with a bearer ID token passes the gateway as. */
export const TOKEN_HOLDER = 'bearer-token-holder';

/** The declarative configuration for a bundled document. */
export function buildKongConfig(document: Json): Json {
  const api = loadConfig({}); // defaults only: the gateway mirrors the API's shipped tiers and limits
  const tiers = {
    anonymous: api.RATE_LIMIT_ANONYMOUS,
    publishable: api.RATE_LIMIT_PUBLISHABLE,
    seller: api.RATE_LIMIT_SELLER,
    operator: api.RATE_LIMIT_OPERATOR,
  };
  // /graphql is outside the OpenAPI document (spec/graphql/ is its contract): a publishable-key route.
  // Kong counts its requests; the API also charges each operation by its cost.
  const graphqlRoute: RouteGroup = {
    name: 'graphql',
    paths: ['/graphql'],
    tier: 'publishable',
    keyed: true,
    limited: true,
    tokenAlternative: false,
  };
  const routes = [...routeGroups(document), graphqlRoute].map((group) => ({
    name: group.name,
    paths: group.paths.map(kongPath),
    // The API serves its full paths and answers 405 itself, so Kong neither strips nor filters methods.
    strip_path: false,
    preserve_host: true,
    protocols: ['http', 'https'],
    plugins: [
      ...(group.keyed
        ? [
            {
              name: 'key-auth',
              config: {
                key_names: ['X-Api-Key'],
                key_in_header: true,
                key_in_query: false,
                key_in_body: false,
                // The API checks the key again (it must hold without the gateway) and needs it for that.
                hide_credentials: false,
                run_on_preflight: false,
                // Staff sign in with a bearer ID token instead of a key: such requests pass as the
                // token-holder consumer (budget per Authorization header) and the API verifies the token.
                ...(group.tokenAlternative ? { anonymous: TOKEN_HOLDER } : {}),
              },
            },
          ]
        : []),
      ...(group.limited ? [rateLimiting(tiers[group.tier], limitByOf(group.tier))] : []),
    ],
  }));
  // Socket.IO (spec/asyncapi.yaml): keys travel in the handshake payload, not a header, so the
  // gateway cannot check them (the realtime process does, refusing with connect_error). Plain
  // http/https protocols: Kong OSS proxies the WebSocket upgrade on them (ws/wss routes are an
  // Enterprise feature and would lose the long-polling fallback). Counted per address, as storefronts.
  const realtimeRoute = {
    name: 'realtime',
    paths: ['/socket.io/'],
    strip_path: false,
    preserve_host: true,
    protocols: ['http', 'https'],
    plugins: [rateLimiting(tiers.publishable, 'ip')],
  };
  const ready = document.paths && (document.paths as Json)['/ready'];
  if (!ready) throw new Error('kong: the spec has no /ready for health checks');
  const failures = [500, 502, 503, 504];
  return {
    _format_version: '3.0',
    services: [
      {
        name: 'souk-api',
        protocol: 'http',
        host: 'souk-api', // the upstream below
        port: 4000,
        connect_timeout: 5_000,
        read_timeout: 60_000,
        write_timeout: 60_000,
        retries: 2,
        routes,
      },
      {
        name: 'souk-realtime',
        protocol: 'http',
        host: 'souk-realtime', // the upstream below
        port: 4000,
        connect_timeout: 5_000,
        // A WebSocket carries a ping every 25 s (REALTIME_PING_INTERVAL_MS): 60 s of silence is a dead peer.
        read_timeout: 60_000,
        write_timeout: 60_000,
        retries: 2,
        routes: [realtimeRoute],
      },
    ],
    upstreams: [
      {
        name: 'souk-api',
        algorithm: 'round-robin',
        slots: 10_000,
        healthchecks: {
          threshold: 0,
          active: {
            type: 'http',
            http_path: '/ready',
            timeout: 2,
            concurrency: 4,
            healthy: { interval: 5, successes: 2, http_statuses: [200] },
            unhealthy: {
              interval: 2,
              http_failures: 2,
              tcp_failures: 2,
              timeouts: 2,
              http_statuses: [...failures, 429],
            },
          },
          passive: {
            type: 'http',
            healthy: {
              successes: 5,
              http_statuses: [200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 409, 422],
            },
            unhealthy: { http_failures: 5, tcp_failures: 2, timeouts: 3, http_statuses: failures },
          },
        },
        targets: UPSTREAM_TARGETS.map((target) => ({ target, weight: 100 })),
      },
      {
        name: 'souk-realtime',
        algorithm: 'consistent-hashing',
        hash_on: 'cookie',
        hash_on_cookie: 'souk_realtime',
        hash_on_cookie_path: '/socket.io/',
        slots: 10_000,
        healthchecks: {
          threshold: 0,
          active: {
            type: 'http',
            http_path: '/ready',
            timeout: 2,
            concurrency: 4,
            healthy: { interval: 5, successes: 2, http_statuses: [200] },
            unhealthy: { interval: 2, http_failures: 2, tcp_failures: 2, timeouts: 2, http_statuses: [503] },
          },
        },
        targets: REALTIME_TARGETS.map((target) => ({ target, weight: 100 })),
      },
    ],
    // One group per key kind; kong-sync puts each consumer in the group of its key's kind. Consumer
    // groups are a Kong Enterprise / Konnect feature: on Kong OSS the route-level limits above apply.
    consumers: routes.some((r) => r.plugins.some((p) => p.name === 'key-auth' && 'anonymous' in p.config))
      ? [
          {
            username: TOKEN_HOLDER,
            // Per signed-in session (the bearer token), at the tier of a customer.
            plugins: [
              {
                ...rateLimiting(api.RATE_LIMIT_CUSTOMER, 'header'),
                config: {
                  ...rateLimiting(api.RATE_LIMIT_CUSTOMER, 'header').config,
                  header_name: 'Authorization',
                },
              },
            ],
          },
        ]
      : [],
    consumer_groups: (['publishable', 'seller', 'operator'] as const).map((tier) => ({
      name: tier,
      plugins: [rateLimiting(tiers[tier], limitByOf(tier))],
    })),
    plugins: [
      {
        name: 'correlation-id',
        // Plain UUIDs: the API only accepts ids matching [A-Za-z0-9._:-]{1,128} (no `#counter`).
        config: { header_name: 'X-Request-Id', generator: 'uuid', echo_downstream: true },
      },
      {
        name: 'request-size-limiting',
        config: {
          allowed_payload_size: api.BODY_LIMIT_BYTES,
          size_unit: 'bytes',
          require_content_length: false,
        },
      },
      {
        name: 'cors',
        // Mirrors api/src/app.ts (CORS_ORIGINS defaults to *): preflights answered at the edge alike.
        config: {
          origins: ['*'],
          methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
          headers: CORS_ALLOW_HEADERS,
          exposed_headers: CORS_EXPOSE_HEADERS,
          credentials: false,
          max_age: 600,
        },
      },
    ],
  };
}

const HEADER = `# Generated from spec/openapi.yaml by \`npm run generate\` (scripts/kong.ts). Do not edit.
# Kong Gateway 3.x declarative configuration; see infra/kong/README.md.
`;

/** The YAML text of kong.yaml for a bundled document. */
export function renderKongYaml(document: Json): string {
  return HEADER + dump(buildKongConfig(document), { lineWidth: 120, noRefs: true });
}
