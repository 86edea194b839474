import 'server-only';
import { constructWebhookEvent, type SoukWebhookEvent } from '@souk/sdk';
import { revalidatePath } from 'next/cache';

const problem = (status: number, code: string, title: string) =>
  Response.json(
    { type: 'about:blank', title, status, code },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );

/**
 * `POST` handler of a theme's Souk webhook endpoint (`app/webhooks/souk/route.ts`): on a signed
 * `content.published` of this theme it regenerates the static pages (`revalidatePath('/', 'layout')`:
 * the home page, and the menu every prerendered page carries), so published content shows at once
 * instead of when the ISR period (60 s) runs out. Other events are acknowledged and ignored.
 *
 * The `Souk-Signature` header is checked with the SDK's `constructWebhookEvent` (the webhooks
 * plugin's scheme: HMAC-SHA256 of `<t>.<raw body>`, one `v1` per active secret, `t` within 5 minutes).
 * `secrets` are the endpoint's signing secrets (`webhookSecrets()`); with none the route answers 404,
 * so a theme without a webhook has no open endpoint. A missing, wrong or stale signature is a 401
 * problem (the webhooks plugin records the failed attempt and retries).
 */
export function createRevalidateRoute(options: {
  themeId: string;
  secrets: readonly string[];
  /** Clears the cached pages (Next's `revalidatePath` by default). */
  revalidate?: () => void;
  /** The current time in milliseconds (default: the clock). */
  now?: () => number;
}): (request: Request) => Promise<Response> {
  const revalidate = options.revalidate ?? (() => revalidatePath('/', 'layout'));
  return async (request) => {
    if (options.secrets.length === 0) return problem(404, 'not_found', 'No webhook is configured');
    const body = await request.text();
    let event: SoukWebhookEvent;
    try {
      event = await constructWebhookEvent(body, request.headers.get('souk-signature'), options.secrets, {
        now: Math.floor((options.now?.() ?? Date.now()) / 1000),
      });
    } catch (err) {
      if (err instanceof SyntaxError) return problem(400, 'invalid_body', 'The body is not JSON');
      return problem(401, 'invalid_signature', 'The Souk-Signature header does not sign this body');
    }
    const applies = event.type === 'content.published' && event.data.theme === options.themeId;
    if (applies) revalidate();
    return Response.json({ revalidated: applies });
  };
}

/** The signing secrets from `SOUK_WEBHOOK_SECRET` (comma-separated: old and new during a rotation). */
export function webhookSecrets(env: Record<string, string | undefined> = process.env): string[] {
  return (env.SOUK_WEBHOOK_SECRET ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
