import { createHmac } from 'node:crypto';

/**
 * The `Souk-Signature` header: `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`, one `v1` per secret that is
 * active (two during a rotation overlap). `v1` is HMAC-SHA256 over `<t>.<raw body>`, so a receiver
 * can check both that Souk sent this body and that it is fresh (reject an old `t` against replays).
 */
export function signatureHeader(body: string, secrets: readonly string[], timestampSec: number): string {
  const signed = `${timestampSec}.${body}`;
  const parts = secrets.map((secret) => `v1=${createHmac('sha256', secret).update(signed).digest('hex')}`);
  return [`t=${timestampSec}`, ...parts].join(',');
}
