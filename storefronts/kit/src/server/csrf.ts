import { timingSafeEqual } from 'node:crypto';

function sameBytes(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Whether a state-changing request really comes from this site: the browser says so (`Origin`,
 * `Sec-Fetch-Site`) and it repeats this browser's CSRF token, which another site can neither read
 * nor set (double submit; the cookie is httpOnly and SameSite=Strict).
 */
export function isSameSiteRequest(
  request: Request,
  submitted: string | null,
  cookie: string | undefined,
): boolean {
  if (request.headers.get('sec-fetch-site') === 'cross-site') return false;
  const origin = request.headers.get('origin');
  if (origin !== null) {
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      return false;
    }
    if (originHost !== host) return false;
  }
  return Boolean(cookie) && Boolean(submitted) && sameBytes(String(submitted), String(cookie));
}
