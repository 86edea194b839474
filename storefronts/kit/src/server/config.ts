import { type CookieNames, cookieNames } from '../cookies';
import { isLoopbackHost, LOOPBACK_HOSTS } from '../loopback';

/** A theme's runtime configuration, read on the server only. */
export interface StorefrontConfig {
  /** The theme's id (`bazaar`): prefixes its cookies. */
  themeId: string;
  /** Base URL of the Souk API. */
  apiUrl: string;
  /** A publishable storefront key (`pk_…`); safe in a browser, but the kit only uses it on the server. */
  publishableKey: string;
  /**
   * Where the browser's live updates connect (`@souk/storefront-kit/live`): the API as the browser
   * reaches it (`SOUK_PUBLIC_API_URL`, else `SOUK_API_URL`) and the publishable key.
   */
  liveConnection: { apiUrl: string; publishableKey: string };
  /** Public origin of the storefront, used for canonical URLs and OpenGraph. */
  siteUrl: string;
  /** Currencies the buyer can pick, the first being the default. */
  currencies: string[];
  /** Whether cookies get the Secure flag (on when the site is served over https). */
  secureCookies: boolean;
  /** Origins whose images Souk serves (they take `?w=`): the API's own and `SOUK_MEDIA_ORIGINS`. */
  soukOrigins: string[];
  /** Hosts the image proxy may fetch from (`STOREFRONT_IMAGE_HOSTS`); never an open proxy. */
  imageHosts: string[];
  cookies: CookieNames;
}

type Env = Record<string, string | undefined>;

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The API's origin and, for an API on this machine, its other loopback names: the API names its own
 * media `http://localhost:PORT/media` while a theme may reach it as `http://127.0.0.1:PORT`.
 */
function loopbackAliases(apiUrl: string): (string | undefined)[] {
  const origin = originOf(apiUrl);
  if (origin === undefined) return [];
  const url = new URL(origin);
  if (!isLoopbackHost(url.hostname)) return [origin];
  return [
    origin,
    ...LOOPBACK_HOSTS.map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`),
  ];
}

/**
 * Reads a theme's configuration from the environment:
 * `SOUK_API_URL`, `SOUK_PUBLISHABLE_KEY`, `SITE_URL` (else `http://localhost:$PORT`),
 * `STOREFRONT_CURRENCIES` (or `<THEME>_CURRENCIES`, default `USD,EUR`), `SOUK_MEDIA_ORIGINS`
 * (public origins of Souk's media when they differ from the API URL) and `STOREFRONT_IMAGE_HOSTS`
 * (foreign image hosts the proxy may fetch; default: none, since the demo catalog's pictures are
 * Souk's own), and
 * `SOUK_PUBLIC_API_URL` (the API as browsers reach it, for live updates; default `SOUK_API_URL`).
 */
export function readConfig(themeId: string, env: Env = process.env): StorefrontConfig {
  const apiUrl = (env.SOUK_API_URL || 'http://localhost:4000').replace(/\/+$/, '');
  const siteUrl = (env.SITE_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, '');
  const currencies = list(
    env.STOREFRONT_CURRENCIES || env[`${themeId.toUpperCase()}_CURRENCIES`] || 'USD,EUR',
  )
    .map((c) => c.toUpperCase())
    .filter((c) => /^[A-Z]{3}$/.test(c));
  const soukOrigins = [...loopbackAliases(apiUrl), ...list(env.SOUK_MEDIA_ORIGINS).map(originOf)].filter(
    (o): o is string => o !== undefined,
  );
  const publishableKey = env.SOUK_PUBLISHABLE_KEY || 'pk_demo_storefront';
  return {
    themeId,
    apiUrl,
    publishableKey,
    liveConnection: { apiUrl: env.SOUK_PUBLIC_API_URL || apiUrl, publishableKey },
    siteUrl,
    currencies: currencies.length > 0 ? currencies : ['USD'],
    secureCookies: siteUrl.startsWith('https://'),
    soukOrigins: [...new Set(soukOrigins)],
    imageHosts: list(env.STOREFRONT_IMAGE_HOSTS).map((h) => h.toLowerCase()),
    cookies: cookieNames(themeId),
  };
}

/** Normalises a currency code to one the store offers, falling back to the default (the first). */
export function supportedCurrency(config: Pick<StorefrontConfig, 'currencies'>, value: unknown): string {
  const code = (typeof value === 'string' ? value : '').toUpperCase();
  return config.currencies.includes(code) ? code : (config.currencies[0] ?? 'USD');
}
