/**
 * Lighthouse against a running theme, in Debian's Chromium (launched by chrome-launcher, which ships
 * with Lighthouse). Used by the storefront tests (accessibility, best practices, SEO) and by the bench
 * (mobile performance).
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';

export type Category = 'accessibility' | 'best-practices' | 'seo' | 'performance';

export interface PageReport {
  url: string;
  scores: Partial<Record<Category, number>>;
  /** Audits below a full score, by category: what to fix when a score is not 100. */
  failing: Partial<Record<Category, string[]>>;
  /** Performance runs: the metrics behind the score (ms; CLS unitless; bytes) and the LCP element. */
  metrics?: Record<string, number | string>;
  /** Performance runs: Lighthouse's whole report (JSON), for the audits the metrics do not summarise. */
  json?: string;
}

/** The audits whose numbers explain a performance score (what to look at first). */
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
  ttfb: 'server-response-time',
  bytes: 'total-byte-weight',
  jsBootup: 'bootup-time',
} as const;

/** A row of Lighthouse's resource summary (requests and bytes by resource type). */
interface ResourceRow {
  resourceType: string;
  requestCount: number;
  transferSize: number;
}

/** A Chromium for Lighthouse runs (one per suite; each run opens its own tab). */
export async function launchChromium() {
  return launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Audits one URL. `mobile` uses Lighthouse's default phone emulation with simulated slow 4G (the
 * bench's performance figure); otherwise a desktop viewport with no throttling (the quality categories
 * do not depend on speed, and the run is faster).
 */
export async function audit(
  port: number,
  url: string,
  categories: Category[],
  options: { cookie?: string; mobile?: boolean } = {},
): Promise<PageReport> {
  const result = await lighthouse(
    url,
    {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: categories,
      ...(options.cookie ? { extraHeaders: { Cookie: options.cookie } } : {}),
    },
    options.mobile
      ? undefined
      : {
          extends: 'lighthouse:default',
          settings: {
            formFactor: 'desktop',
            screenEmulation: {
              mobile: false,
              width: 1350,
              height: 940,
              deviceScaleFactor: 1,
              disabled: false,
            },
            throttlingMethod: 'provided',
          },
        },
  );
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  const scores: PageReport['scores'] = {};
  const failing: PageReport['failing'] = {};
  for (const category of categories) {
    const c = lhr.categories[category];
    scores[category] = Math.round((c?.score ?? 0) * 100);
    failing[category] = (c?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1)
      .map((a) => `${a?.id}: ${a?.title}`);
  }
  if (!categories.includes('performance')) return { url, scores, failing };
  const metrics: Record<string, number | string> = {};
  for (const [name, id] of Object.entries(METRICS)) {
    const value = lhr.audits[id]?.numericValue;
    if (value !== undefined) metrics[name] = name === 'cls' ? Number(value.toFixed(3)) : Math.round(value);
  }
  // Levers that do not move with the machine's load: JavaScript shipped (bytes over the wire, gzip),
  // and what the main thread ran (long tasks as observed, before Lighthouse's 4x CPU slowdown).
  const summary = (lhr.audits['resource-summary']?.details as { items?: ResourceRow[] })?.items ?? [];
  const scripts = summary.find((row) => row.resourceType === 'script');
  if (scripts) {
    metrics.jsBytes = scripts.transferSize;
    metrics.jsRequests = scripts.requestCount;
  }
  const longTasks = (lhr.audits['long-tasks']?.details as { items?: unknown[] })?.items;
  if (longTasks) metrics.longTasks = longTasks.length;
  const lcpItem = (lhr.audits['largest-contentful-paint-element']?.details as { items?: unknown[] })
    ?.items?.[0];
  const node = JSON.stringify(lcpItem ?? '').match(/"snippet":"((?:[^"\\]|\\.)*)"/)?.[1];
  if (node) metrics.lcpElement = node.slice(0, 120);
  return { url, scores, failing, metrics, json: JSON.stringify(lhr) };
}
