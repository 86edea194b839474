import { type ClaimedDelivery, guardedLookup, isForbiddenAddress } from '@souk/api/webhooks';
import type { WebhooksConfig } from './config.js';
import { type PostResult, postWebhook, webhookDispatcher } from './deliver.js';
import { signatureHeader } from './signature.js';

/** Sends claimed deliveries: `send` never throws (a failure is a result to record). */
export interface Sender {
  send(d: ClaimedDelivery, startedAt: Date): Promise<PostResult>;
  /** Closes the kept-alive connections. */
  destroy(): void;
}

/**
 * The delivery worker's HTTP side: each delivery signed with every active secret of its endpoint and
 * POSTed (no redirects, a timeout, addresses checked again at connect time, connections kept alive).
 */
export function createSender(config: WebhooksConfig): Sender {
  const allowedHosts = config.WEBHOOK_ALLOWED_HOSTS;
  const lookup = guardedLookup({ allowedHosts });
  const requireHttps = config.NODE_ENV === 'production';

  function refuseAddress(ip: string): string | null {
    if (allowedHosts.includes(ip)) return null;
    return isForbiddenAddress(ip) ? `Refusing to connect to the forbidden address ${ip}.` : null;
  }

  const dispatcher = webhookDispatcher(lookup);

  async function send(d: ClaimedDelivery, startedAt: Date): Promise<PostResult> {
    const body = JSON.stringify(d.payload);
    if (requireHttps && !d.url.startsWith('https:'))
      return { statusCode: null, latencyMs: 0, excerpt: null, error: 'https is required' };
    return postWebhook({
      url: d.url,
      body,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      refuseAddress,
      dispatcher,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Souk-Webhooks/1.0',
        'souk-event-id': d.event_id,
        'souk-event-type': d.event_type,
        'souk-delivery-id': d.id,
        'souk-signature': signatureHeader(body, d.secrets, Math.floor(startedAt.getTime() / 1000)),
      },
      // Whatever goes wrong while sending is a failed attempt that gets recorded: a throw here
      // would leave the delivery pending and its endpoint never reaching its disable point.
    }).catch((err: Error) => ({ statusCode: null, latencyMs: 0, excerpt: null, error: err.message }));
  }

  return {
    send,
    destroy() {
      dispatcher.destroy().catch(() => {});
    },
  };
}
