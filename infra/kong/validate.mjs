#!/usr/bin/env node
/**
 * Structural check of Kong's declarative config (infra/kong/kong.yml by default):
 *   node infra/kong/validate.mjs [file]
 *
 * This is NOT Kong's own schema validation: that needs the Kong binary (`kong config parse`),
 * which CI runs from the Kong image (.github/workflows/ci.yml).
 * It catches the mistakes a reviewer would otherwise have to spot by eye: wrong format version,
 * unknown top-level keys, duplicate names, routes pointing at a missing service, paths that do not
 * start with '/', paths Kong would strip before proxying, and plugins outside the vetted list.
 *
 * js-yaml is not a direct dependency of Souk; it is installed by `npm ci` through openapi-backend
 * (and openapi-typescript), so it is present wherever the repo's dependencies are.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

/** Bundled Kong plugins this config may use. Extend on purpose, not by accident. */
const ALLOWED_PLUGINS = new Set(['correlation-id', 'cors', 'rate-limiting', 'key-auth']);
const TOP_LEVEL_KEYS = new Set([
  '_format_version',
  '_transform',
  'services',
  'routes',
  'plugins',
  'consumers',
]);

const file = process.argv[2] ?? fileURLToPath(new URL('./kong.yml', import.meta.url));
const errors = [];
const fail = (where, message) => errors.push(`${where}: ${message}`);

let config;
try {
  config = load(readFileSync(file, 'utf8'));
} catch (err) {
  console.error(`${file}: cannot read or parse: ${err.message}`);
  process.exit(1);
}

if (config === null || typeof config !== 'object' || Array.isArray(config)) {
  console.error(`${file}: top level must be a mapping`);
  process.exit(1);
}
if (config._format_version !== '3.0') {
  fail('_format_version', `must be the string "3.0", got ${JSON.stringify(config._format_version)}`);
}
for (const key of Object.keys(config)) {
  if (!TOP_LEVEL_KEYS.has(key)) fail(key, 'unexpected top-level key (add it to TOP_LEVEL_KEYS if intended)');
}

const list = (value, where) => {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    fail(where, 'must be a list');
    return [];
  }
  return value;
};

/** A reference to another entity by name: `service: name` or `service: { name: name }`. */
const refName = (ref) => (typeof ref === 'string' ? ref : ref?.name);

const services = new Map();
const routes = [];
const plugins = [];

for (const [i, service] of list(config.services, 'services').entries()) {
  const where = `services[${i}]${service?.name ? ` (${service.name})` : ''}`;
  if (typeof service?.name !== 'string' || service.name === '') {
    fail(where, 'needs a name');
    continue;
  }
  if (services.has(service.name)) fail(where, 'duplicate service name');
  services.set(service.name, service);
  const hasUrl = typeof service.url === 'string' && /^https?:\/\/[^/]+/.test(service.url);
  if (!hasUrl && typeof service.host !== 'string') fail(where, 'needs an http(s) url or a host');
  for (const [j, route] of list(service.routes, `${where}.routes`).entries()) {
    routes.push({ route, where: `${where}.routes[${j}]` });
  }
  for (const [j, plugin] of list(service.plugins, `${where}.plugins`).entries()) {
    plugins.push({ plugin, where: `${where}.plugins[${j}]` });
  }
}

for (const [i, route] of list(config.routes, 'routes').entries()) {
  const where = `routes[${i}]`;
  const target = refName(route?.service);
  if (target === undefined) fail(where, 'a top-level route needs a service');
  else if (!services.has(target)) fail(where, `service "${target}" does not exist`);
  routes.push({ route, where });
}

const routeNames = new Set();
for (const { route, where } of routes) {
  if (typeof route?.name !== 'string' || route.name === '') fail(where, 'needs a name');
  else if (routeNames.has(route.name)) fail(where, `duplicate route name "${route.name}"`);
  else routeNames.add(route.name);
  const paths = list(route?.paths, `${where}.paths`);
  if (paths.length === 0) fail(where, 'needs at least one path');
  for (const path of paths) {
    if (typeof path !== 'string' || !path.startsWith('/'))
      fail(where, `path ${JSON.stringify(path)} must start with /`);
  }
  // The API serves its full paths (/store/..., /health), so Kong's default strip_path: true breaks every route.
  if (route?.strip_path !== false) fail(where, 'must set strip_path: false (the API expects the full path)');
  for (const [j, plugin] of list(route?.plugins, `${where}.plugins`).entries()) {
    plugins.push({ plugin, where: `${where}.plugins[${j}]` });
  }
}

for (const [i, plugin] of list(config.plugins, 'plugins').entries()) {
  const where = `plugins[${i}]`;
  plugins.push({ plugin, where });
  const service = refName(plugin?.service);
  if (service !== undefined && !services.has(service)) fail(where, `service "${service}" does not exist`);
  const route = refName(plugin?.route);
  if (route !== undefined && !routeNames.has(route)) fail(where, `route "${route}" does not exist`);
}

for (const { plugin, where } of plugins) {
  if (!ALLOWED_PLUGINS.has(plugin?.name)) {
    fail(
      where,
      `plugin ${JSON.stringify(plugin?.name)} is not in the allowed list (${[...ALLOWED_PLUGINS].join(', ')})`,
    );
  }
  if (plugin?.config !== undefined && (plugin.config === null || typeof plugin.config !== 'object')) {
    fail(where, 'config must be a mapping');
  }
}

if (errors.length > 0) {
  console.error(`${file}: ${errors.length} problem(s)`);
  for (const e of errors) console.error(`  - ${e}`);
  process.exit(1);
}
console.log(
  `${file}: OK (${services.size} service(s), ${routes.length} route(s), ${plugins.length} plugin(s))`,
);
