/**
 * `npm run bench:lighthouse`: Lighthouse mobile performance (default phone emulation, simulated slow
 * 4G) of the home, listing, product and cart pages of every theme, on production builds against an API
 * on the embedded demo database. Reported, not asserted (the target is 95; tests assert the other
 * categories). Writes .souk/bench/lighthouse.json.
 *
 * Builds a theme only when it has no `.next` build (STOREFRONT_BENCH_BUILD=1 forces one).
 * STOREFRONT_BENCH_THEMES lists the themes (default `bazaar,atelier`); an entry `label=dir` benches the
 * theme in another checkout (e.g. `bazaar,before=/tmp/base/storefronts/bazaar`), so a change is
 * measured against its baseline in the same run, on the same API and the same machine load. Such a
 * checkout is built and served by the `next` its own dependencies resolve to (see `nextBin`).
 * All themes run at once and each page is audited theme after theme, so a before and an after are
 * measured seconds apart. STOREFRONT_BENCH_RUNS=N audits every page N times and reports the median run.
 * Each audit's whole Lighthouse report goes to .souk/bench/lighthouse/<theme>-<page>-<run>.json
 * (bootup time and main-thread work per script, unused JavaScript, the LCP element and its phases);
 * STOREFRONT_BENCH_TRACES=1 also keeps each audit's Chromium trace there (`-trace.json`, a few MB,
 * for DevTools' Performance panel: which tasks the simulated slowdown multiplies).
 *
 * The baseline: the theme `npm run theme:new` writes (storefronts/kit/template: Next.js, the kit, a home
 * of 12 product cards, a product page, a cart; no listing), scaffolded afresh into storefronts/.scaffolded
 * and benched beside the themes (`baseline` in STOREFRONT_BENCH_THEMES, there by default). Its scores
 * are what the framework and the kit alone reach on this machine in the same run, the floor a theme's
 * own markup, styles and components add to; each theme row shows its page's baseline score beside it.
 *
 * Two scores per page, from one load: Lighthouse's default 4× CPU slowdown, and the slowdown its docs
 * calibrate to the host (storefronts/e2e/cpu-calibration.ts: the CPU slowdown calculator's multiplier
 * for the benchmarkIndex Lighthouse measured at the start of that very audit), in
 * <theme>-<page>-<run>-calibrated.json. LIGHTHOUSE_CPU_MULTIPLIER=<n> replaces the calibrated
 * multiplier with n. Each row also counts the client-component references in the page's HTML (the
 * components the browser hydrates), a figure the machine's load does not move.
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
import { calibratedCpuMultiplier } from '../storefronts/e2e/cpu-calibration.js';
import { audit, launchChromium, type PageReport } from '../storefronts/e2e/lighthouse.js';
import { SCAFFOLDED_THEME, scaffoldForE2e } from '../storefronts/e2e/scaffolded.js';

/** The label of the template's theme, the baseline row (see the module comment). */
const BASELINE = 'baseline';
const themes = (process.env.STOREFRONT_BENCH_THEMES ?? `bazaar,atelier,${BASELINE}`)
  .split(',')
  .map((entry) => {
    const [label, dir] = entry.trim().split('=') as [string, string | undefined];
    if (label === BASELINE && !dir) return { label, dir: '', id: SCAFFOLDED_THEME };
    // A theme's id (its cookie names) is its folder's name.
    return dir ? { label, dir, id: basename(dir) } : { label, dir: themeDir(label), id: label };
  });
const out = join(repoRoot, '.souk', 'bench');
/** Audits per page (STOREFRONT_BENCH_RUNS, default 1); the median run is reported. */
const RUNS = Math.max(1, Number(process.env.STOREFRONT_BENCH_RUNS ?? 1) || 1);
/** LIGHTHOUSE_CPU_MULTIPLIER: a fixed slowdown for the calibrated column instead of the calculator's. */
const fixedMultiplier = Number(process.env.LIGHTHOUSE_CPU_MULTIPLIER) || undefined;
/** STOREFRONT_BENCH_TRACES=1: each audit's Chromium trace beside its report (`-trace.json`). */
const keepTraces = process.env.STOREFRONT_BENCH_TRACES === '1';
const recalibrate = (benchmarkIndex: number): number | undefined =>
  fixedMultiplier ?? calibratedCpuMultiplier(benchmarkIndex);
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
        'Themes to bench (default bazaar,atelier,baseline: the theme template); label=dir benches another checkout.',
      STOREFRONT_BENCH_BUILD: '1 rebuilds every theme (default: build only a theme with no .next build).',
      STOREFRONT_BENCH_RUNS: 'Audits per page (default 1); the run with the median score is reported.',
      LIGHTHOUSE_CPU_MULTIPLIER:
        "CPU slowdown of the calibrated column (default: the calculator's for the host's benchmarkIndex).",
      LIGHTHOUSE_RENDER_DOCUMENT:
        "0 runs Chromium with chrome-launcher's default flags (RenderDocument off, as before 2026-12-03).",
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
  const sites: { theme: string; url: string; id: string; cookie: string; listing: boolean }[] = [];
  for (const { label: theme, dir: given, id } of themes) {
    const port = await freePort();
    // The template, written afresh and always built: a build left by an earlier run may be of an older template.
    const dir = given || scaffoldForE2e();
    if (process.env.STOREFRONT_BENCH_BUILD === '1' || !given || !hasBuild(dir)) {
      await buildStorefront(storefrontEnv('http://127.0.0.1:9', port), join(out, `build-${theme}.log`), dir);
    }
    const web = await startStorefront('start', port, storefrontEnv(api.url, port), undefined, dir, id);
    children.push(web.child);
    const cart = await souk.store.carts.create({ currency: 'USD' });
    await souk.store.carts.addItem(cart.id, { variant_id: variant.id, quantity: 1 });
    // The template has no listing page.
    sites.push({ theme, url: web.url, id, cookie: `${id}_cart=${cart.id}`, listing: Boolean(given) });
  }
  const pages = (cookie: string): [string, string, string?][] => [
    ['home', '/'],
    ['listing', '/products'],
    ['product', `/products/${product.handle}`],
    ['cart', '/cart', cookie],
  ];
  // RenderDocument on (see launchChromium); LIGHTHOUSE_RENDER_DOCUMENT=0 is the launcher's default,
  // which passes before the eighth measured with.
  const chrome = await launchChromium({ renderDocument: process.env.LIGHTHOUSE_RENDER_DOCUMENT !== '0' });
  const runs: Map<
    string,
    { theme: string; page: string; clientRefs?: number; clientComponents?: number; reports: PageReport[] }
  > = new Map();
  try {
    for (let run = 1; run <= RUNS; run++) {
      for (const page of ['home', 'listing', 'product', 'cart']) {
        for (const site of sites) {
          if (page === 'listing' && !site.listing) continue;
          const [name, path, cookie] = pages(site.cookie).find(([n]) => n === page) ?? [page, '/'];
          const key = `${site.theme} ${name}`;
          const row = runs.get(key) ?? { theme: site.theme, page: name, reports: [] };
          // A first visit warms the server (ISR render, route compilation): the figure is a warm page.
          if (run === 1) {
            const html = await (
              await fetch(`${site.url}${path}`, cookie ? { headers: { cookie } } : {})
            ).text();
            row.clientRefs = countClientRefs(html);
            row.clientComponents = countClientComponents(html);
            // And its pictures: the API renders a resized variant on its first request, which a CDN
            // in front of it (or any earlier visitor) has long since paid for.
            await Promise.all(
              pictureUrls(html, site.url).map((url) =>
                fetch(url)
                  .then((res) => res.arrayBuffer())
                  .catch(() => undefined),
              ),
            );
          }
          const report = await audit(chrome.port, `${site.url}${path}`, ['performance'], {
            mobile: true,
            recalibrate,
            trace: keepTraces,
            ...(cookie ? { cookie } : {}),
          });
          row.reports.push(report);
          runs.set(key, row);
          const file = join(out, 'lighthouse', `${site.theme}-${name}-${run}`);
          if (report.json) writeFileSync(`${file}.json`, report.json);
          if (report.calibrated?.json) writeFileSync(`${file}-calibrated.json`, report.calibrated.json);
          if (report.trace) writeFileSync(`${file}-trace.json`, report.trace);
          const { json: _json, trace: _trace, calibrated, ...shown } = report;
          console.log(
            `run ${run} ${key}: performance ${shown.scores.performance} at ${shown.cpuMultiplier}x, ` +
              `${calibrated?.scores.performance ?? '–'} at ${calibrated?.cpuMultiplier ?? '–'}x ` +
              `(benchmarkIndex ${shown.benchmarkIndex}) ${JSON.stringify(shown.metrics)}`,
          );
        }
      }
    }
  } finally {
    await chrome.kill();
  }
  const rows = [...runs.values()].map(({ theme, page, clientRefs, clientComponents, reports }) => {
    const median = medianRun(reports);
    const calibrated = medianRun(reports.flatMap((r) => (r.calibrated ? [r.calibrated] : [])));
    return {
      theme,
      page,
      clientRefs,
      clientComponents,
      performance: median?.scores.performance ?? 0,
      scores: reports.map((r) => r.scores.performance ?? 0),
      calibrated: calibrated?.scores.performance,
      calibratedScores: reports.map((r) => r.calibrated?.scores.performance),
      benchmarkIndexes: reports.map((r) => r.benchmarkIndex),
      multipliers: reports.map((r) => r.calibrated?.cpuMultiplier),
      ...(median?.metrics ? { metrics: median.metrics } : {}),
      ...(calibrated?.metrics ? { calibratedMetrics: calibrated.metrics } : {}),
    };
  });
  rows.sort(
    (x, y) => themes.findIndex((t) => t.label === x.theme) - themes.findIndex((t) => t.label === y.theme),
  );
  console.log(
    '\n| theme | page | performance at 4x (median) | runs | calibrated (median) | runs | baseline 4x / calibrated | benchmarkIndex | multiplier | FCP ms | LCP ms | TBT ms 4x / calibrated | CLS | JS KB (gzip) | long tasks | client refs | client components |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const row of rows) {
    // The template's score for the same page, measured in the same run (none for the listing).
    const base =
      row.theme === BASELINE ? undefined : rows.find((r) => r.theme === BASELINE && r.page === row.page);
    const baseline = base ? `${base.performance} / ${base.calibrated ?? '–'}` : '–';
    const { metrics: m = {}, calibratedMetrics: c = {} } = row;
    const js = typeof m.jsBytes === 'number' ? (m.jsBytes / 1024).toFixed(1) : '–';
    const list = (values: (number | undefined)[]) => values.map((v) => v ?? '–').join(' ');
    console.log(
      `| ${row.theme} | ${row.page} | ${row.performance} | ${row.scores.join(' ')} | ${row.calibrated ?? '–'} | ` +
        `${list(row.calibratedScores)} | ${baseline} | ${list(row.benchmarkIndexes)} | ${list(row.multipliers)} | ${m.fcp} | ` +
        `${m.lcp} | ${m.tbt} / ${c.tbt ?? '–'} | ${m.cls} | ${js} | ${m.longTasks} | ${row.clientRefs ?? '–'} | ${row.clientComponents ?? '–'} |`,
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

/** The run with the median score stands for the page (Lighthouse's own advice for noisy machines). */
function medianRun(reports: PageReport[]): PageReport | undefined {
  const sorted = [...reports].sort((x, y) => (x.scores.performance ?? 0) - (y.scores.performance ?? 0));
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Lazy references in a page's RSC payload (`"$L<id>"` in the HTML's inline flight data): client
 * component instances, and rows React outlines from a large element (a listing's cards), which are
 * not components. The figure earlier passes reported; `countClientComponents` separates the two.
 */
function countClientRefs(html: string): number {
  return html.match(/\\"\$L[0-9a-f]+\\"/g)?.length ?? 0;
}

/**
 * Client-component instances in a page's RSC payload: the `"$L<id>"` references whose row is a client
 * module (`<id>:I[…]`), each a component the browser loads and hydrates (the theme's and Next's own:
 * router, boundaries, metadata).
 */
function countClientComponents(html: string): number {
  const payload = [...html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)]
    .map(([, text]) => JSON.parse(text ?? '""') as string)
    .join('');
  const modules = new Set([...payload.matchAll(/^([0-9a-f]+):I\[/gm)].map(([, id]) => id));
  return [...payload.matchAll(/"\$L([0-9a-f]+)"/g)].filter(([, id]) => modules.has(id)).length;
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

/** Every picture URL a page's HTML names (`src`, `srcset`, `imagesrcset`, `href` of image preloads). */
export function pictureUrls(html: string, base: string): string[] {
  const urls = new Set<string>();
  const attribute = /\s(src|srcset|imagesrcset|imageSrcSet|href)="([^"]+)"/g;
  for (const [, name, raw] of html.matchAll(attribute)) {
    const value = (raw ?? '').replaceAll('&amp;', '&');
    const candidates =
      name === 'src' || name === 'href'
        ? [value]
        : value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '');
    for (const candidate of candidates) {
      if (!/\.(avif|webp|jpe?g|png)\b|\/media\/|\/_next\/image/.test(candidate)) continue;
      urls.add(new URL(candidate, base).toString());
    }
  }
  return [...urls];
}
