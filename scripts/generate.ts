/**
 * Builds everything derived from the contract in spec/:
 *   spec/dist/openapi.json   bundled document (served at /openapi.json, loaded by openapi-backend)
 *   spec/dist/docs.html      Redoc API reference (served at /docs)
 *   api/src/generated/openapi.ts  TypeScript types (committed)
 *   infra/kong/kong.yaml          Kong's declarative config (committed; scripts/kong.ts)
 * The bundle gets the rate-limit responses and headers on every limited operation (spec-rate-limit.ts).
 *
 * `--check` regenerates too, but exits 1 when a committed generated file was stale, so a spec
 * change without `npm run generate` fails the test command (and CI) while the working tree is healed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { renderKongYaml } from './kong.js';
import { addRateLimitResponses } from './spec-rate-limit.js';

const root = join(import.meta.dirname, '..');
const check = process.argv.includes('--check');
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

const header = '// Generated from spec/openapi.yaml by `npm run generate`. Do not edit.\n\n';
const types =
  header +
  astToString(await openapiTS(new URL(`file://${bundled}`), { exportType: true, defaultNonNullable: false }));

/** Every committed file derived from the spec, with its expected content. */
const outputs: [string, string][] = [
  ...typeTargets.map((target): [string, string] => [target, types]),
  // Kong's declarative config: routes, key-auth and limits from the contract (scripts/kong.ts).
  ['infra/kong/kong.yaml', renderKongYaml(JSON.parse(readFileSync(bundled, 'utf8')))],
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
