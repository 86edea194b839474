import { placeholderSvg } from '../images';
import type { StorefrontConfig } from './config';

/** Hosts that failed recently: answered with the placeholder at once instead of waiting on them again. */
const failing = new Map<string, number>();
const FAIL_TTL_MS = 60_000;
const MAX_BYTES = 8 * 1024 * 1024;

function placeholder(): Response {
  return new Response(placeholderSvg(), {
    status: 200,
    headers: {
      'content-type': 'image/svg+xml',
      // Short: the real picture should show once its host is back.
      'cache-control': 'public, max-age=300',
      'x-souk-image': 'placeholder',
    },
  });
}

/**
 * The GET handler of a theme's image proxy (`app/media/route.ts`), for catalog images Souk does not
 * serve. It fetches from the configured hosts only (never an open proxy), passes an image through with
 * long caching, and answers a tidy placeholder (200, image/svg+xml) when the host is unreachable, slow
 * or answers something that is not an image. So a missing picture never shows as a broken-image icon
 * and never logs a failed request in the buyer's console (which Lighthouse counts against a page).
 */
export function createImageRoute(
  config: Pick<StorefrontConfig, 'imageHosts'>,
  options: { timeoutMs?: number; fetch?: typeof fetch } = {},
) {
  const timeoutMs = options.timeoutMs ?? 4_000;
  const get = options.fetch ?? fetch;
  return async function handleImage(request: Request): Promise<Response> {
    const raw = new URL(request.url).searchParams.get('url') ?? '';
    let target: URL;
    try {
      target = new URL(raw);
    } catch {
      return new Response('url must be an absolute image URL', { status: 400 });
    }
    const host = target.hostname.toLowerCase();
    if (!/^https?:$/.test(target.protocol) || !config.imageHosts.includes(host)) {
      return new Response('image host not allowed', { status: 400 });
    }
    const failedAt = failing.get(host);
    if (failedAt !== undefined && Date.now() - failedAt < FAIL_TTL_MS) return placeholder();
    try {
      const upstream = await get(target, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
      const type = upstream.headers.get('content-type') ?? '';
      const length = Number(upstream.headers.get('content-length') ?? 0);
      // SVG from another host could carry script on this origin: only raster images pass.
      if (!upstream.ok || !type.startsWith('image/') || type.includes('svg') || length > MAX_BYTES) {
        await upstream.body?.cancel();
        return placeholder();
      }
      failing.delete(host);
      return new Response(upstream.body, {
        status: 200,
        headers: {
          'content-type': type,
          'cache-control': 'public, max-age=86400, stale-while-revalidate=604800',
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      failing.set(host, Date.now());
      return placeholder();
    }
  };
}
