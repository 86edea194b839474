import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isLoopbackHost } from '@souk/storefront-kit';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

export const screenshotDir = join(import.meta.dirname, '..', 'screenshots');

/** Debian's chromium; never a downloaded browser. CHROMIUM_PATH overrides. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A grey square, served instead of any image from outside this machine (a journey never goes out). */
const placeholder = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><rect width="800" height="800" fill="#d5d9e0"/></svg>',
);

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far; a journey fails when any exist. */
  errors: string[];
}

/** What a journey may set on its browser context: a time zone, or no JavaScript at all. */
export type SessionOptions = Pick<BrowserContextOptions, 'timezoneId' | 'javaScriptEnabled'>;

/** Whether a URL points at the test API (any of its loopback names, same port). */
function isApi(url: URL, api: URL): boolean {
  if (url.origin === api.origin) return true;
  return url.port === api.port && isLoopbackHost(url.hostname) && isLoopbackHost(api.hostname);
}

/** The Firebase Auth emulator the sign-in pages talk to (its REST API and its provider widget), if any. */
const emulatorHost = process.env.FIREBASE_AUTH_EMULATOR_HOST?.replace(/^https?:\/\//, '');

/**
 * A fresh browser context (own cookies, so its own cart) with a page that records every console
 * error and page error, and every picture answered with an error status (a broken image is no
 * console error, so the journeys would not see it otherwise). Requests leaving the storefront's
 * origin never reach the network: remote images get a placeholder, anything else is refused (and
 * would show up as a console error). The exceptions are the API's Socket.IO endpoint (live updates)
 * and its product images (`/media/`, which the API names by `localhost` whatever loopback address the
 * test reaches it on).
 */
export async function newSession(
  browser: Browser,
  baseURL: string,
  options: SessionOptions = {},
): Promise<Session> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, ...options });
  const origin = new URL(baseURL).origin;
  const api = new URL(inject('apiUrl'));
  await context.route(
    (url) =>
      url.origin !== origin &&
      url.host !== emulatorHost &&
      !(isApi(url, api) && /^\/(socket\.io|media)\//.test(url.pathname)),
    (route) =>
      route.request().resourceType() === 'image'
        ? route.fulfill({ status: 200, contentType: 'image/svg+xml', body: placeholder })
        : route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('response', (res) => {
    if (res.request().resourceType() === 'image' && res.status() >= 400) {
      errors.push(`image: ${res.status()} ${res.url()}`);
    }
  });
  return { context, page, errors };
}

/** A full-page screenshot, saved by the run as `<dir>/<name>.png` (git-ignored; CI keeps them as artifacts). */
export async function screenshot(page: Page, name: string, dir = screenshotDir): Promise<void> {
  mkdirSync(dir, { recursive: true });
  // Scrolled through first, as a shopper would: lazy pictures below the first screen are requested
  // as their card comes near, which a full-page capture alone never does (they would show empty).
  // It ends at the top: a full-page capture of a page scrolled down (to a form field, say) draws a
  // sticky header where the viewport was, over the content, and leaves a gap at the top.
  const scrolledTo = await page.evaluate(async () => {
    const { scrollY } = window;
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    window.scrollTo(0, 0);
    return scrollY;
  });
  await page
    .waitForFunction(() => Array.from(document.images).every((img) => img.complete), null, {
      timeout: 5_000,
    })
    // A picture still loading after that is captured as it is; the journey goes on.
    .catch(() => undefined);
  await page.screenshot({
    path: join(dir, `${name}.png`),
    fullPage: true,
    // Grid cards are `content-visibility: auto`: Chromium draws a card once it comes near the
    // viewport, which a full-page capture does not scroll through. Drawn for the capture only.
    style: '* { content-visibility: visible !important; }',
  });
  // Back where the journey was.
  await page.evaluate((y) => window.scrollTo(0, y), scrolledTo);
}

/**
 * Registers a test file's browser hooks: Chromium is launched before its tests and closed after them;
 * after each journey every session it opened is closed, and the journey fails on any console error
 * or uncaught page error those sessions saw. Returns `session()`, which opens a fresh session on
 * `baseURL` (its own cookies, so its own cart) that the hooks look after.
 */
export function browserSessions(baseURL: string): {
  session: (options?: SessionOptions) => Promise<Session>;
} {
  let browser: Browser | undefined;
  const sessions: Session[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    const errors = sessions.flatMap((s) => s.errors);
    for (const s of sessions.splice(0)) await s.context.close();
    expect(errors, 'browser console errors').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async session(options = {}) {
      if (!browser) throw new Error('browserSessions: session() called outside a test');
      const s = await newSession(browser, baseURL, options);
      sessions.push(s);
      return s;
    },
  };
}
