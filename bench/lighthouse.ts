/**
 * `npm run bench:lighthouse`: Lighthouse mobile performance (default phone emulation, simulated slow
 * 4G) of the home, listing, product and cart pages of every theme, on production builds against an API
 * on the embedded demo database. Reported, not asserted (the target is 95; tests assert the other
 * categories). Writes .souk/bench/lighthouse.json.
 *
 * Builds a theme only when it has no `.next` build (STOREFRONT_BENCH_BUILD=1 forces one).
 * STOREFRONT_BENCH_THEMES lists the themes (default `bazaar,atelier`); an entry `label=dir` benches the
 * theme in another checkout (e.g. `bazaar,before=/tmp/base/storefronts/bazaar`), so a change is
 * measured against its baseline in the same run, on the same API and the same machine load.
 * All themes run at once and each page is audited theme after theme, so a before and an after are
 * measured seconds apart. STOREFRONT_BENCH_RUNS=N audits every page N times and reports the median run.
 * Each audit's whole Lighthouse report goes to .souk/bench/lighthouse/<theme>-<page>-<run>.json
 * (bootup time and main-thread work per script, unused JavaScript, the LCP element and its phases).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createSoukClient } from '@souk/sdk';
import { parseCli } from '../api/src/lib/cli.js';
import {
  buildStorefront,
  type Child,
  freePort,
  hasBuild,
  repoRoot,
  startApi,
  startStorefront,
  stopChild,
  storefrontEnv,
  themeDir,
} from '../storefronts/bazaar/tools/stack.js';
import { audit, launchChromium, type PageReport } from '../storefronts/e2e/lighthouse.js';

const themes = (process.env.STOREFRONT_BENCH_THEMES ?? 'bazaar,atelier').split(',').map((entry) => {
  const [label, dir] = entry.trim().split('=') as [string, string | undefined];
  // A theme's id (its cookie names) is its folder's name.
  return dir ? { label, dir, id: basename(dir) } : { label, dir: themeDir(label), id: label };
});
const out = join(repoRoot, '.souk', 'bench');
/** Audits per page (STOREFRONT_BENCH_RUNS, default 1); the median run is reported. */
const RUNS = Math.max(1, Number(process.env.STOREFRONT_BENCH_RUNS ?? 1) || 1);
const children: Child[] = [];
let pgliteDir: string | undefined;

async function main(): Promise<void> {
  parseCli({
    name: 'bench:lighthouse',
    command: 'npm run bench:lighthouse --',
    description:
      'Lighthouse mobile performance of the home, listing, product and cart pages of every theme, on\n' +
      'production builds against an API on the embedded demo database. Reported, not asserted.',
    options: {},
    environment: {
      STOREFRONT_BENCH_THEMES:
        'Themes to bench (default bazaar,atelier); label=dir benches another checkout.',
      STOREFRONT_BENCH_BUILD: '1 rebuilds every theme (default: build only a theme with no .next build).',
      STOREFRONT_BENCH_RUNS: 'Audits per page (default 1); the run with the median score is reported.',
    },
  });
  // Created only once the arguments are accepted: `--help` leaves nothing behind.
  pgliteDir = mkdtempSync(join(tmpdir(), 'souk-lighthouse-'));
  mkdirSync(join(out, 'lighthouse'), { recursive: true });
  const apiPort = await freePort();
  const api = await startApi({
    port: apiPort,
    pgliteDir,
    logFile: join(out, 'lighthouse-api.log'),
    extraEnv: {
      SEED_DEMO: 'always',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      RATE_LIMIT_PUBLISHABLE: '1000000',
    },
  });
  children.push(api.child);
  const souk = createSoukClient({ baseUrl: api.url, apiKey: 'pk_demo_storefront' });
  const product = (await souk.store.products.list({ limit: 1, currency: 'USD' })).data[0];
  const variant = product?.variants.find((v) => v.available_quantity > 0);
  if (!product || !variant) throw new Error('no buyable demo product');

  // Every theme is up at once and each page is audited theme after theme, run after run: a before and
  // an after of the same page are measured seconds apart, under the same machine load.
  const sites: { theme: string; url: string; id: string; cookie: string }[] = [];
  for (const { label: theme, dir, id } of themes) {
    const port = await freePort();
    if (process.env.STOREFRONT_BENCH_BUILD === '1' || !hasBuild(dir)) {
      await buildStorefront(storefrontEnv('http://127.0.0.1:9', port), join(out, `build-${theme}.log`), dir);
    }
    const web = await startStorefront('start', port, storefrontEnv(api.url, port), undefined, dir, id);
    children.push(web.child);
    const cart = await souk.store.carts.create({ currency: 'USD' });
    await souk.store.carts.addItem(cart.id, { variant_id: variant.id, quantity: 1 });
    sites.push({ theme, url: web.url, id, cookie: `${id}_cart=${cart.id}` });
  }
  const pages = (cookie: string): [string, string, string?][] => [
    ['home', '/'],
    ['listing', '/products'],
    ['product', `/products/${product.handle}`],
    ['cart', '/cart', cookie],
  ];
  const chrome = await launchChromium();
  const runs: Map<string, { theme: string; page: string; reports: PageReport[] }> = new Map();
  try {
    for (let run = 1; run <= RUNS; run++) {
      for (const page of ['home', 'listing', 'product', 'cart']) {
        for (const site of sites) {
          const [name, path, cookie] = pages(site.cookie).find(([n]) => n === page) ?? [page, '/'];
          // A first visit warms the server (ISR render, route compilation): the figure is a warm page.
          if (run === 1) await fetch(`${site.url}${path}`, cookie ? { headers: { cookie } } : {});
          const report = await audit(chrome.port, `${site.url}${path}`, ['performance'], {
            mobile: true,
            ...(cookie ? { cookie } : {}),
          });
          const key = `${site.theme} ${name}`;
          const row = runs.get(key) ?? { theme: site.theme, page: name, reports: [] };
          row.reports.push(report);
          runs.set(key, row);
          if (report.json) {
            writeFileSync(join(out, 'lighthouse', `${site.theme}-${name}-${run}.json`), report.json);
          }
          const { json: _json, ...shown } = report;
          console.log(
            `run ${run} ${key}: performance ${shown.scores.performance} ${JSON.stringify(shown.metrics)}`,
          );
        }
      }
    }
  } finally {
    await chrome.kill();
  }
  // The run with the median score stands for the page (Lighthouse's own advice for noisy machines).
  const rows = [...runs.values()].map(({ theme, page, reports }) => {
    const sorted = [...reports].sort((x, y) => (x.scores.performance ?? 0) - (y.scores.performance ?? 0));
    const median = sorted[Math.floor(sorted.length / 2)] ?? reports[0];
    return {
      theme,
      page,
      performance: median?.scores.performance ?? 0,
      scores: reports.map((r) => r.scores.performance ?? 0),
      ...(median?.metrics ? { metrics: median.metrics } : {}),
    };
  });
  rows.sort(
    (x, y) => themes.findIndex((t) => t.label === x.theme) - themes.findIndex((t) => t.label === y.theme),
  );
  console.log(
    '\n| theme | page | mobile performance (median) | runs | FCP ms | LCP ms | TBT ms | CLS | JS KB (gzip) | long tasks |\n|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const { theme, page, performance, scores, metrics: m = {} } of rows) {
    const js = typeof m.jsBytes === 'number' ? (m.jsBytes / 1024).toFixed(1) : '–';
    console.log(
      `| ${theme} | ${page} | ${performance} | ${scores.join(' ')} | ${m.fcp} | ${m.lcp} | ${m.tbt} | ${m.cls} | ${js} | ${m.longTasks} |`,
    );
  }
  // The machine's load, since every figure is measured on a shared machine (see the module comment).
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${cpus().length} cores`,
  );
  writeFileSync(
    join(out, 'lighthouse.json'),
    `${JSON.stringify({ at: new Date().toISOString(), load: loadavg(), rows }, null, 2)}\n`,
  );
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const child of children.reverse()) await stopChild(child);
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  });
