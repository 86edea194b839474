/**
 * Global setup of the storefronts' e2e run (storefronts/vitest.e2e.config.ts): builds each theme with
 * an unreachable API (proving `next build` needs none) while one API starts on a fresh database, then
 * starts `next start` of each theme on it. All on free ports; one API and one build per theme.
 *
 * - STOREFRONT_E2E_THEMES (default: every theme under storefronts/) picks the themes.
 * - Embedded PGlite in a temporary directory by default; with DATABASE_URL a fresh database
 *   `souk_e2e_…` on that server, dropped afterwards.
 * - BAZAAR_E2E_SKIP_BUILD=1 reuses an existing `.next` build (for iterating on the tests).
 * - Logs go to e2e/.artifacts/ (git-ignored).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSoukClient } from '@souk/sdk';
import { REVALIDATING_EVENTS } from '@souk/storefront-kit';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { SCAFFOLDED_THEME, scaffoldedDir, scaffoldForE2e } from '../../e2e/scaffolded';
import {
  buildStorefront,
  type Child,
  dropGeneratedPages,
  freePort,
  hasBuild,
  startApi,
  startStorefront,
  stopChild,
  storefrontEnv,
  themeDir,
} from '../tools/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Bazaar's URL. */
    storefrontUrl: string;
    apiUrl: string;
    /** Every started theme's URL, by theme name. */
    themeUrls: Record<string, string>;
    /** The operator's webhook endpoint of each theme that has the kit's revalidation route, by theme name. */
    themeWebhooks: Record<string, string>;
  }
}

/**
 * Every theme under storefronts/ (a package that depends on Next) and the theme `npm run theme:new`
 * writes (scaffolded afresh, see e2e/scaffolded.ts), unless STOREFRONT_E2E_THEMES names some.
 */
function discoverThemes(): string[] {
  const root = join(themeDir('bazaar'), '..');
  const committed = readdirSync(root).filter((name) => {
    if (name.startsWith('.')) return false;
    const manifest = join(root, name, 'package.json');
    if (!existsSync(manifest)) return false;
    const { dependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: object };
    return 'next' in dependencies;
  });
  return [...committed, SCAFFOLDED_THEME];
}

/**
 * For a theme with the kit's revalidation route (`src/app/webhooks/souk/route.ts`), an operator
 * webhook endpoint at that route of the events it acts on (`REVALIDATING_EVENTS`), as a shop registers
 * it: published content, and a product's, variant's or review's change, then regenerate the theme's
 * static pages at once. Its signing secret goes to the theme.
 */
async function themeWebhook(
  apiUrl: string,
  dir: string,
  port: number,
): Promise<{ id: string; secret: string } | undefined> {
  if (!existsSync(join(dir, 'src', 'app', 'webhooks', 'souk', 'route.ts'))) return undefined;
  const admin = createSoukClient({ baseUrl: apiUrl, apiKey: 'sk_demo_operator' }).admin;
  const endpoint = await admin.webhookEndpoints.create({
    url: `http://127.0.0.1:${port}/webhooks/souk`,
    event_types: [...REVALIDATING_EVENTS],
  });
  return { id: endpoint.endpoint.id, secret: endpoint.secret };
}

const themes = process.env.STOREFRONT_E2E_THEMES
  ? process.env.STOREFRONT_E2E_THEMES.split(',')
      .map((t) => t.trim())
      .filter((t) => t === SCAFFOLDED_THEME || (t && existsSync(join(themeDir(t), 'package.json'))))
  : discoverThemes();

/** A theme's folder: storefronts/<theme>, the scaffolded one's hidden folder. */
const dirOf = (theme: string) => (theme === SCAFFOLDED_THEME ? scaffoldedDir : themeDir(theme));

const artifacts = join(import.meta.dirname, '.artifacts');

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Drops the run's database. FORCE can meet an autovacuum worker that a non-superuser may not end
 * (SQLSTATE 42501); it is gone a moment later, so try again.
 */
async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } catch (err) {
      if ((err as { code?: string }).code !== '42501' || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

export default async function setup(project: TestProject) {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  const children: Child[] = [];
  const cleanups: Array<() => Promise<void> | void> = [];
  const teardown = async () => {
    for (const child of children.reverse()) await stopChild(child);
    for (const cleanup of cleanups) await cleanup();
  };

  try {
    const apiPort = await freePort();
    const webPorts = new Map<string, number>();
    for (const theme of themes) webPorts.set(theme, await freePort());
    let databaseUrl: string | undefined;
    let pgliteDir: string | undefined;
    const serverUrl = process.env.DATABASE_URL || undefined;
    if (serverUrl) {
      const name = `souk_e2e_${randomBytes(6).toString('hex')}`;
      await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
      cleanups.push(() => dropDatabase(serverUrl, name));
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
    } else {
      pgliteDir = mkdtempSync(join(tmpdir(), 'bazaar-e2e-'));
      cleanups.push(() => rmSync(pgliteDir as string, { recursive: true, force: true }));
    }

    // Documents (reviews, content) in a database of this run's own, like the SQL one: the demo's ids
    // are the same every run, so a shared one would carry earlier runs' reviews into the ratings.
    // (Left behind after the run, as a few empty-ish tables of the document store's PostgreSQL.)
    const mongoDatabase = process.env.MONGO_URL ? `souk_e2e_${randomBytes(6).toString('hex')}` : undefined;

    const started = Date.now();
    const api = startApi({
      port: apiPort,
      ...(databaseUrl ? { databaseUrl } : { pgliteDir }),
      logFile: join(artifacts, 'api.log'),
      // Every journey's server-side requests come from one address with one publishable key: lift that
      // tier so the journeys test the storefront, not the rate limiter (tested in the API's suite).
      extraEnv: {
        SEED_DEMO: 'always',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        CATALOG_CACHE_TTL_MS: '0',
        RATE_LIMIT_PUBLISHABLE: '1000000',
        RATE_LIMIT_ANONYMOUS: '1000000',
        // No background rendering of the demo's image variants competing with the builds and journeys.
        MEDIA_PRERENDER: 'false',
        // The themes' webhook endpoints (the kit's revalidation route) are on this machine.
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
        ...(mongoDatabase ? { MONGO_DATABASE: mongoDatabase } : {}),
      },
    }).then((r) => {
      console.log(`e2e: API ready on ${r.url} after ${seconds(started)}`);
      return r;
    });
    // One theme after the other: two `next build`s at once only fight over the same cores.
    const skipBuild =
      process.env.BAZAAR_E2E_SKIP_BUILD === '1' || process.env.STOREFRONT_E2E_SKIP_BUILD === '1';
    if (themes.includes(SCAFFOLDED_THEME)) scaffoldForE2e();
    const builds = (async () => {
      for (const theme of themes) {
        const dir = dirOf(theme);
        if (skipBuild && hasBuild(dir)) {
          // startStorefront drops the pages an earlier server generated (other database, other port).
          console.log(`e2e: reusing the existing .next build of ${theme}`);
          continue;
        }
        await buildStorefront(
          // Port 9 (discard) refuses connections: the build must succeed without an API.
          storefrontEnv('http://127.0.0.1:9', webPorts.get(theme) ?? 0, {
            BAZAAR_SKIP_TYPECHECK: '1',
            STOREFRONT_SKIP_TYPECHECK: '1',
          }),
          join(artifacts, `build-${theme}.log`),
          dir,
        );
        console.log(`e2e: next build of ${theme} done after ${seconds(started)}`);
      }
    })();
    const [apiResult] = await Promise.all([api, builds]);
    children.push(apiResult.child);

    const themeUrls: Record<string, string> = {};
    const themeWebhooks: Record<string, string> = {};
    for (const theme of themes) {
      const port = webPorts.get(theme) ?? 0;
      const webhook = await themeWebhook(apiResult.url, dirOf(theme), port);
      if (webhook) themeWebhooks[theme] = webhook.id;
      const web = await startStorefront(
        'start',
        port,
        storefrontEnv(apiResult.url, port, webhook ? { SOUK_WEBHOOK_SECRET: webhook.secret } : {}),
        join(artifacts, `next-${theme}.log`),
        dirOf(theme),
        theme,
      );
      children.push(web.child);
      // After the servers stop (children first), so none writes another page behind it.
      cleanups.push(() => dropGeneratedPages(dirOf(theme)));
      themeUrls[theme] = web.url;
      console.log(`e2e: ${theme} ready on ${web.url} after ${seconds(started)}`);
    }
    project.provide('apiUrl', apiResult.url);
    project.provide('storefrontUrl', themeUrls.bazaar ?? '');
    project.provide('themeUrls', themeUrls);
    project.provide('themeWebhooks', themeWebhooks);
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}
