/**
 * Webhook signature verification, with Web Crypto only (Node ≥ 20, browsers, edge runtimes).
 *
 * Scheme: header `Souk-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]` — one `v1` per active secret
 * of the endpoint (two during a rotation overlap). `v1` is the hex HMAC-SHA256 of `${t}.${rawBody}`
 * keyed with the endpoint secret's UTF-8 bytes.
 */
import type { webhooks } from './types.js';

/** Names of the headers of a webhook delivery. */
export const WEBHOOK_HEADERS = {
  signature: 'Souk-Signature',
  eventId: 'Souk-Event-Id',
  eventType: 'Souk-Event-Type',
  deliveryId: 'Souk-Delivery-Id',
} as const;

type PayloadOf<K extends keyof webhooks> = webhooks[K]['post'] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** Any event a webhook endpoint can receive, discriminated by `type` (from the spec's `webhooks`). */
export type SoukWebhookEvent = { [K in keyof webhooks]: PayloadOf<K> }[keyof webhooks];

/** Options of `verifyWebhook` / `constructWebhookEvent`. */
export interface VerifyWebhookOptions {
  /** Largest accepted |now − t| in seconds (default 300). Guards against replayed deliveries. */
  toleranceSec?: number;
  /** The current time in unix seconds (default: the clock); for tests. */
  now?: number;
}

/** Why a signature was refused. */
export type SignatureFailure =
  | 'missing_header'
  | 'malformed_header'
  | 'timestamp_out_of_tolerance'
  | 'no_matching_signature';

/** Thrown by `constructWebhookEvent` for a delivery that is not authentic or too old. Answer it with 400. */
export class SoukSignatureVerificationError extends Error {
  override name = 'SoukSignatureVerificationError';
  constructor(readonly reason: SignatureFailure) {
    super(`webhook signature verification failed: ${reason}`);
  }
}

const encoder = new TextEncoder();

/** Web Crypto's SubtleCrypto, typed without depending on the DOM lib. */
type Subtle = typeof globalThis.crypto.subtle;
type HmacKey = Awaited<ReturnType<Subtle['importKey']>>;

function subtle(): Subtle {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('verifyWebhook needs Web Crypto (globalThis.crypto.subtle)');
  return s;
}

// Imported keys by usage and secret. A receiver verifies every delivery with the same one or two
// secrets, and importing the key cost two thirds of a verification's CPU (96 against 30 µs per
// delivery on Node 20). A handful of entries, dropped oldest first: written out rather than taken from
// a cache library, since the SDK also runs in browsers and edge runtimes and this is a few lines.
const keys = new Map<string, Promise<HmacKey>>();
const MAX_KEYS = 16;

/** The HMAC-SHA256 key of a secret, imported once for as long as it stays among the recent ones. */
function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<HmacKey> {
  const id = `${usage}:${secret}`;
  const known = keys.get(id);
  if (known) return known;
  const imported = subtle().importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    [usage],
  );
  keys.set(id, imported);
  imported.catch(() => keys.delete(id));
  if (keys.size > MAX_KEYS) keys.delete(keys.keys().next().value ?? id);
  return imported;
}

function signedPayload(timestamp: string | number, rawBody: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const body = typeof rawBody === 'string' ? encoder.encode(rawBody) : rawBody;
  const prefix = encoder.encode(`${timestamp}.`);
  const out = new Uint8Array(prefix.length + body.length);
  out.set(prefix);
  out.set(body, prefix.length);
  return out;
}

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Parses `t=…,v1=…,v1=…`; `undefined` when there is no integer `t` or no `v1`. */
export function parseSignatureHeader(
  header: string,
): { timestamp: number; signatures: string[] } | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1') signatures.push(value);
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

async function check(
  rawBody: string | Uint8Array,
  header: string | null | undefined,
  secret: string | readonly string[],
  options: VerifyWebhookOptions,
): Promise<SignatureFailure | undefined> {
  if (!header) return 'missing_header';
  const parsed = parseSignatureHeader(header);
  if (!parsed) return 'malformed_header';
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - parsed.timestamp) > (options.toleranceSec ?? 300)) return 'timestamp_out_of_tolerance';
  const data = signedPayload(parsed.timestamp, rawBody);
  for (const s of typeof secret === 'string' ? [secret] : secret) {
    const key = await hmacKey(s, 'verify');
    for (const candidate of parsed.signatures) {
      const mac = hexToBytes(candidate);
      // subtle.verify compares in constant time.
      if (mac && (await subtle().verify('HMAC', key, mac, data))) return undefined;
    }
  }
  return 'no_matching_signature';
}

/**
 * Whether a delivery is authentic and fresh: some `v1` of the `Souk-Signature` header matches the HMAC
 * of `${t}.${rawBody}` under `secret` (or one of several secrets) and `t` is within `toleranceSec`.
 * Pass the raw body exactly as received (not re-serialized JSON).
 */
export async function verifyWebhook(
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): Promise<boolean> {
  return (await check(rawBody, signatureHeader, secret, options)) === undefined;
}

/**
 * Verifies a delivery like `verifyWebhook`, then parses it into a typed event.
 * @throws SoukSignatureVerificationError with the `reason` when the delivery is not authentic or too old.
 */
export async function constructWebhookEvent(
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): Promise<SoukWebhookEvent> {
  const failure = await check(rawBody, signatureHeader, secret, options);
  if (failure) throw new SoukSignatureVerificationError(failure);
  const text = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody);
  return JSON.parse(text) as SoukWebhookEvent;
}

/**
 * Builds a `Souk-Signature` header value for a body, one `v1` per secret — for testing your webhook
 * handler with deliveries of your own.
 */
export async function signWebhookPayload(
  rawBody: string | Uint8Array,
  secret: string | readonly string[],
  options: { timestamp?: number } = {},
): Promise<string> {
  const t = options.timestamp ?? Math.floor(Date.now() / 1000);
  const data = signedPayload(t, rawBody);
  const parts = [`t=${t}`];
  for (const s of typeof secret === 'string' ? [secret] : secret) {
    const mac = new Uint8Array(await subtle().sign('HMAC', await hmacKey(s, 'sign'), data));
    parts.push(`v1=${Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('')}`);
  }
  return parts.join(',');
}
