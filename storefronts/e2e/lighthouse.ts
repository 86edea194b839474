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
  return { url, scores, failing };
}
