/**
 * Builds everything derived from the contract in spec/:
 *   spec/dist/openapi.json   bundled document (served at /openapi.json, loaded by openapi-backend)
 *   spec/dist/docs.html      Redoc API reference (served at /docs)
 *   spec/dist/docs/redoc.standalone.js  the Redoc script that page loads (served beside it, so /docs works offline)
 *   api/src/generated/openapi.ts  TypeScript types (committed)
 *   infra/kong/kong.yaml          Kong's declarative config (committed; scripts/kong.ts)
 *   GraphQL: resolver and client types, persisted-operations manifest (scripts/generate-graphql.ts)
 * The bundle gets the rate-limit responses and headers on every limited operation (spec-rate-limit.ts).
 *
 * `--check` regenerates too, but exits 1 when a committed generated file was stale, so a spec
 * change without `npm run generate` fails the test command (and CI) while the working tree is healed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { parseCli } from '../api/src/lib/cli.js';
import { graphqlOutputs } from './generate-graphql.js';
import { renderKongYaml } from './kong.js';
import { renderRealtimeTypes } from './realtime-types.js';
import { addRateLimitResponses } from './spec-rate-limit.js';

const root = join(import.meta.dirname, '..');
const { values } = parseCli({
  name: 'generate',
  command: 'npm run generate --',
  description:
    'Bundles spec/openapi.yaml into spec/dist/openapi.json, builds the Redoc page spec/dist/docs.html and\n' +
    'regenerates the committed TypeScript types (api/ and sdk/ src/generated/openapi.ts).',
  options: {
    check: {
      type: 'boolean',
      description: 'Exit 1 when a committed generated file was stale (it is rewritten all the same).',
    },
  },
});
const check = values.check === true;
const bundled = join(root, 'spec/dist/openapi.json');
const redocly = join(root, 'node_modules/.bin/redocly');
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

function run(args: string[]): void {
  execFileSync(redocly, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Type files generated from the bundled spec, one per consumer. */
const typeTargets = ['api/src/generated/openapi.ts', 'sdk/src/generated/openapi.ts'];

mkdirSync(dirname(bundled), { recursive: true });
run(['bundle', 'spec/openapi.yaml', '-o', 'spec/dist/openapi.json']);
writeFileSync(
  bundled,
  `${JSON.stringify(addRateLimitResponses(JSON.parse(readFileSync(bundled, 'utf8'))), null, 2)}\n`,
);
run(['build-docs', 'spec/dist/openapi.json', '-o', 'spec/dist/docs.html']);
serveRedocLocally(join(root, 'spec/dist/docs.html'));

/**
 * `build-docs` makes the page import Redoc from Redocly's CDN, so offline the reference would show only
 * its server-rendered introduction. The CLI ships the very same bundle (it hashes it for the page's
 * `integrity`): copy it beside the page and point the page at that copy. The `redoc` npm package is
 * not used because its releases want Node 22 (see README, Node versions).
 */
function serveRedocLocally(page: string): void {
  const cdn = /https:\/\/cdn\.redocly\.com\/redoc\/v([\w.-]+)\/bundles\/redoc\.standalone\.js/g;
  const html = readFileSync(page, 'utf8');
  const version = [...html.matchAll(cdn)][0]?.[1];
  if (!version)
    throw new Error('generate: the docs page no longer names the Redoc CDN bundle; update serveRedocLocally');
  const source = join(root, 'node_modules/@redocly/cli/lib/chunks/redoc.standalone.js');
  const bundle = existsSync(source) ? readFileSync(source) : undefined;
  if (!bundle?.subarray(0, 300).toString().includes(`Version: ${version}`))
    throw new Error(
      `generate: ${source} is not Redoc ${version}, the version the docs page was rendered for`,
    );
  const integrity = `sha384-${createHash('sha384').update(bundle).digest('base64')}`;
  const local = html
    .replaceAll(cdn, './docs/redoc.standalone.js') // relative: the page is /docs, also behind a path prefix
    .replace(/integrity="sha384-[^"]*"/, `integrity="${integrity}"`);
  mkdirSync(join(dirname(page), 'docs'), { recursive: true });
  writeFileSync(join(dirname(page), 'docs/redoc.standalone.js'), bundle);
  writeFileSync(page, local);
}

const header = '// Generated from spec/openapi.yaml by `npm run generate`. Do not edit.\n\n';
const types =
  header +
  astToString(await openapiTS(new URL(`file://${bundled}`), { exportType: true, defaultNonNullable: false }));

/** Every committed file derived from the spec, with its expected content. */
const outputs: [string, string][] = [
  ...typeTargets.map((target): [string, string] => [target, types]),
  // Kong's declarative config: routes, key-auth and limits from the contract (scripts/kong.ts).
  ['infra/kong/kong.yaml', renderKongYaml(JSON.parse(readFileSync(bundled, 'utf8')))],
  // Socket.IO channels and their message types from spec/asyncapi.yaml (scripts/realtime-types.ts).
  ...['api/src/generated/realtime.ts', 'sdk/src/generated/realtime.ts'].map((target): [string, string] => [
    target,
    renderRealtimeTypes(root),
  ]),
  // The GraphQL schema's resolver and client types and the persisted-operations manifest.
  ...(await graphqlOutputs(root)),
];

const stale: string[] = [];
for (const [target, content] of outputs) {
  const file = join(root, target);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (before !== content) {
    stale.push(target);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

if (stale.length === 0) {
  console.log('generate: bundle, docs and types are up to date');
} else if (check) {
  console.error(`generate: stale generated files (now rewritten; commit them): ${stale.join(', ')}`);
  process.exit(1);
} else {
  console.log(`generate: wrote ${stale.join(', ')}`);
}
