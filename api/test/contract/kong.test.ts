import { readFileSync } from 'node:fs';
import Ajv04Module from 'ajv-draft-04';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { buildKongConfig, kongPath, REALTIME_TARGETS, UPSTREAM_TARGETS } from '../../../scripts/kong.js';
import { loadConfig } from '../../src/config.js';
import { specDocument } from '../support/spec-validator.js';

type Json = Record<string, unknown>;
type Plugin = { name: string; config: Json };
type Route = { name: string; paths: string[]; strip_path: boolean; plugins: Plugin[] };

const file = (p: string) => readFileSync(new URL(`../../../${p}`, import.meta.url), 'utf8');
const committed = load(file('infra/kong/kong.yaml')) as Json;
const service = (committed.services as { routes: Route[] }[])[0];
const routes = service?.routes ?? [];
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const operations = Object.entries(specDocument.paths as Record<string, Json>).flatMap(([path, item]) =>
  METHODS.filter((m) => item[m]).map((m) => ({
    path,
    op: item[m] as { security?: Json[]; tags?: string[] },
  })),
);
/** Kong matches regex paths from the start of the path. */
const matches = (route: Route, path: string) =>
  route.paths.some((p) => new RegExp(`^${p.slice(1)}`).test(path));
const concrete = (specPath: string) => specPath.replace(/\{[^}]+\}/g, 'x_01J9ZC3Y');
const defaults = loadConfig({});

describe('the generated Kong configuration (infra/kong/kong.yaml)', () => {
  it('is what the generator makes from the current spec (run `npm run generate` after a spec change)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildKongConfig(specDocument as Json))));
  });

  it("is valid against Kong's published JSON schema of the declarative format", () => {
    const ajv = new Ajv04Module.default({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(file('infra/kong/schema/kong_json_schema.json')));
    const ok = validate(committed);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The schema can fail: an unknown route field is refused.
    const broken = structuredClone(committed) as { services: { routes: Json[] }[] };
    (broken.services[0]?.routes[0] as Json).strip_paths = false;
    expect(validate(broken)).toBe(false);
  });

  it('routes every spec path through exactly one route, and no path the spec does not have', () => {
    for (const { path } of operations) {
      const hits = routes.filter((r) => matches(r, concrete(path)));
      expect(
        hits.map((r) => r.name),
        path,
      ).toHaveLength(1);
    }
    for (const stray of ['/store/products/x/y/z', '/internal/metrics', '/adminx', '/seller']) {
      expect(
        routes.filter((r) => matches(r, stray)),
        stray,
      ).toHaveLength(0);
    }
    expect(routes.every((r) => r.strip_path === false)).toBe(true);
  });

  it('puts key-auth (X-Api-Key, passed on to the API) on every route whose operations need a key, and only there', () => {
    for (const { path, op } of operations) {
      const route = routes.find((r) => matches(r, concrete(path)));
      const keyAuth = route?.plugins.find((p) => p.name === 'key-auth');
      if ((op.security ?? []).length > 0) {
        expect(keyAuth?.config, path).toMatchObject({ key_names: ['X-Api-Key'], hide_credentials: false });
      } else {
        expect(keyAuth, path).toBeUndefined();
      }
    }
  });

  it("limits each route with the API's own tier through the redis policy; System paths are not limited", () => {
    const tierOf: Record<string, number> = {
      store: defaults.RATE_LIMIT_PUBLISHABLE,
      graphql: defaults.RATE_LIMIT_PUBLISHABLE,
      seller: defaults.RATE_LIMIT_SELLER,
      admin: defaults.RATE_LIMIT_OPERATOR,
    };
    for (const route of routes) {
      const limit = route.plugins.find((p) => p.name === 'rate-limiting');
      if (route.name === 'system') {
        expect(limit).toBeUndefined();
        continue;
      }
      expect(limit?.config).toMatchObject({ minute: tierOf[route.name], policy: 'redis' });
      expect((limit?.config.redis as Json | undefined)?.host).toBe('redis');
    }
    const groups = committed.consumer_groups as { name: string; plugins: Plugin[] }[];
    expect(Object.fromEntries(groups.map((g) => [g.name, g.plugins[0]?.config.minute]))).toEqual({
      publishable: defaults.RATE_LIMIT_PUBLISHABLE,
      seller: defaults.RATE_LIMIT_SELLER,
      operator: defaults.RATE_LIMIT_OPERATOR,
    });
  });

  it('limits request size to the API body limit and answers CORS like the API', () => {
    const global = committed.plugins as Plugin[];
    expect(global.find((p) => p.name === 'request-size-limiting')?.config).toMatchObject({
      allowed_payload_size: defaults.BODY_LIMIT_BYTES,
      size_unit: 'bytes',
    });
    expect(global.find((p) => p.name === 'cors')?.config.headers).toContain('X-Api-Key');
  });

  it('balances round-robin over several targets with active checks of /ready and passive checks', () => {
    const [upstream] = committed.upstreams as Json[];
    expect(upstream).toMatchObject({ name: 'souk-api', algorithm: 'round-robin' });
    expect(((upstream?.targets ?? []) as Json[]).map((t) => t.target)).toEqual(UPSTREAM_TARGETS);
    expect(UPSTREAM_TARGETS.length).toBeGreaterThan(1);
    const checks = upstream?.healthchecks as { active: Json; passive: Json };
    expect(checks.active).toMatchObject({ type: 'http', http_path: '/ready' });
    expect((checks.active.healthy as Json).interval).toBeGreaterThan(0);
    expect((checks.passive.unhealthy as Json).http_failures).toBeGreaterThan(0);
    expect((service as unknown as Json).host).toBe('souk-api');
  });

  it('routes /socket.io to the sticky realtime upstream over http/https (WebSocket upgrade), keys checked in the handshake', () => {
    const realtime = (committed.services as (Json & { routes: (Route & Json)[] })[]).find(
      (s) => s.name === 'souk-realtime',
    );
    expect(realtime).toMatchObject({ host: 'souk-realtime', port: 4000 });
    const route = realtime?.routes[0];
    expect(route).toMatchObject({ name: 'realtime', paths: ['/socket.io/'], protocols: ['http', 'https'] });
    expect(route?.plugins.map((p) => p.name)).toEqual(['rate-limiting']);
    // No REST route takes the Socket.IO path.
    expect(routes.filter((r) => matches(r, '/socket.io/'))).toEqual([]);
    const upstream = (committed.upstreams as Json[]).find((u) => u.name === 'souk-realtime');
    expect(upstream).toMatchObject({ algorithm: 'consistent-hashing', hash_on: 'cookie' });
    expect(((upstream?.targets ?? []) as Json[]).map((t) => t.target)).toEqual(REALTIME_TARGETS);
  });

  it('turns templated paths into anchored regexes', () => {
    expect(kongPath('/store/carts/{cartId}/items')).toBe('~/store/carts/[^/]+/items$');
    expect(kongPath('/openapi.json')).toBe('~/openapi\\.json$');
  });

  it('fails when a spec path is added without regenerating', () => {
    const grown = structuredClone(specDocument) as Json & { paths: Json };
    grown.paths['/store/wishlists'] = {
      get: { operationId: 'x', tags: ['Store'], security: [{ PublishableKey: [] }] },
    };
    expect(committed).not.toEqual(JSON.parse(JSON.stringify(buildKongConfig(grown))));
    const regenerated = buildKongConfig(grown) as { services: { routes: Route[] }[] };
    const store = regenerated.services[0]?.routes.find((r) => r.name === 'store');
    expect(store && matches(store, '/store/wishlists')).toBe(true);
  });
});
