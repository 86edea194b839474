/**
 * Lighthouse against a running theme, in Debian's Chromium (launched by chrome-launcher, which ships
 * with Lighthouse). Used by the storefront tests (accessibility, best practices, SEO) and by the bench
 * (mobile performance).
 */
import { Launcher, launch } from 'chrome-launcher';
import lighthouse, { auditFlowArtifacts, type Result } from 'lighthouse';

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
  /** Performance runs: the host's benchmarkIndex (Lighthouse's CPU/Memory Power) and the CPU slowdown. */
  benchmarkIndex?: number;
  cpuMultiplier?: number;
  /**
   * Mobile runs given `recalibrate`: the same page load simulated again with the CPU slowdown that
   * `recalibrate` derives from this run's benchmarkIndex (absent when it gives none).
   */
  calibrated?: PageReport;
  /** Runs given `trace`: the page load's Chromium trace (JSON), for DevTools' Performance panel. */
  trace?: string;
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

/**
 * chrome-launcher's default flags, with RenderDocument left on when `renderDocument` is set.
 * chrome-launcher 1.2.1 turns RenderDocument off for Lighthouse's own CI (lighthouse PR 16363). In this
 * Chromium (156, headless, software compositing) with it off, in about half of the audits the page's
 * first frame, laid out and committed at 0.2–0.4 s, was not
 * drawn for ~1 s (the renderer's compositor received BeginFrames and dropped them). Lighthouse's
 * simulation takes the observed LCP as its cut-off and counts every script evaluated before it, so
 * that second turned an LCP of ~1.2 s into 2.2–3 s (bench/findings/storefronts.md, eighth pass). Left at its
 * default (on in this Chromium), the stall did not occur in any of 12 audits. Chromium keeps only the
 * last `--disable-features`, so the launcher's list is rewritten rather than appended to.
 */
function launcherFlags(renderDocument: boolean): string[] {
  const flags = Launcher.defaultFlags().map((flag) => {
    if (!renderDocument || !flag.startsWith('--disable-features=')) return flag;
    const features = flag.slice('--disable-features='.length).split(',');
    return `--disable-features=${features.filter((f) => f !== 'RenderDocument').join(',')}`;
  });
  // The launcher adds this one to its defaults on Linux, and leaves it out with `ignoreDefaultFlags`.
  return [...flags, '--disable-setuid-sandbox'];
}

/**
 * A Chromium for Lighthouse runs (one per suite; each run opens its own tab). `renderDocument` (the
 * performance bench) keeps Chromium's RenderDocument on: see `launcherFlags`.
 */
export async function launchChromium(options: { renderDocument?: boolean } = {}) {
  return launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    ignoreDefaultFlags: true,
    chromeFlags: [
      ...launcherFlags(options.renderDocument ?? false),
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
 * Audits one URL. `mobile` uses Lighthouse's default phone emulation with simulated slow 4G and its
 * default 4× CPU slowdown (the bench's performance figure), plus with `recalibrate` the same load at
 * the host's calibrated slowdown; otherwise a desktop viewport with no throttling (the quality categories
 * do not depend on speed, and the run is faster).
 */
export async function audit(
  port: number,
  url: string,
  categories: Category[],
  options: {
    cookie?: string;
    mobile?: boolean;
    /** The CPU slowdown for a host's benchmarkIndex (mobile runs): see `calibrated`. */
    recalibrate?: (benchmarkIndex: number) => number | undefined;
    /** Keep the load's trace in the report (`trace`): a few MB per page. */
    trace?: boolean;
  } = {},
): Promise<PageReport> {
  const flags = {
    port,
    output: 'json' as const,
    logLevel: 'error' as const,
    onlyCategories: categories,
    ...(options.cookie ? { extraHeaders: { Cookie: options.cookie } } : {}),
  };
  const result = await lighthouse(
    url,
    flags,
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
  const report = {
    ...summarise(url, result.lhr, categories),
    ...(options.trace ? { trace: JSON.stringify(result.artifacts.Trace) } : {}),
  };
  const multiplier = options.recalibrate?.(result.lhr.environment.benchmarkIndex);
  if (!options.mobile || multiplier === undefined) return report;
  // Simulated throttling loads the page at full speed and applies the CPU slowdown only when it
  // simulates the load (Lantern), so the trace just gathered is audited again with the calibrated
  // multiplier: both figures come from one load, and differ only by the slowdown. Lighthouse refuses
  // artifacts gathered under other settings, so they carry the new multiplier too.
  const { artifacts } = result;
  const throttling = { ...artifacts.settings.throttling, cpuSlowdownMultiplier: multiplier };
  const flow = await auditFlowArtifacts({
    gatherSteps: [
      {
        artifacts: { ...artifacts, settings: { ...artifacts.settings, throttling } },
        flags: { ...flags, throttling },
      },
    ],
  });
  const lhr = flow.steps[0]?.lhr;
  if (!lhr) throw new Error(`lighthouse gave no recalibrated result for ${url}`);
  return { ...report, calibrated: summarise(url, lhr, categories) };
}

/**
 * The first rows of a failing audit's table (the console error, the element, the request), so a red
 * run names what to fix, not only the audit.
 */
function itemsOf(details: unknown): string {
  const items = (details as { items?: unknown[] } | undefined)?.items ?? [];
  if (items.length === 0) return '';
  return ` (${items.length}: ${JSON.stringify(items.slice(0, 3)).slice(0, 600)})`;
}

/** Scores, failing audits and (performance) the metrics and whole report of one Lighthouse result. */
function summarise(url: string, lhr: Result, categories: Category[]): PageReport {
  const scores: PageReport['scores'] = {};
  const failing: PageReport['failing'] = {};
  for (const category of categories) {
    const c = lhr.categories[category];
    scores[category] = Math.round((c?.score ?? 0) * 100);
    failing[category] = (c?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1)
      .map((a) => `${a?.id}: ${a?.title}${itemsOf(a?.details)}`);
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
  return {
    url,
    scores,
    failing,
    metrics,
    json: JSON.stringify(lhr),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    cpuMultiplier: lhr.configSettings.throttling.cpuSlowdownMultiplier,
  };
}
