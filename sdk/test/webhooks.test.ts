import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  constructWebhookEvent,
  parseSignatureHeader,
  SoukSignatureVerificationError,
  signWebhookPayload,
  verifyWebhook,
} from '../src/index.js';

// A fixture signed independently of the SDK, with node:crypto, exactly as the spec describes the scheme.
const secret = 'whsec_test_4Jq9Zx2LmP0aB7cD1eF3gH5iJ6kL8mN0';
const oldSecret = 'whsec_old_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp';
const body = JSON.stringify({
  id: 'evt_01J9ZC3YV4Q1XK6T7M2R8N5B0M',
  type: 'order.placed',
  version: 1,
  occurred_at: '2026-02-01T10:00:00.000Z',
  seller_id: null,
  data: { order_id: 'ord_1', currency: 'EUR', total: 15945, seller_order_ids: ['so_1'] },
  note: 'Köln — ünïcödé',
});
const t = 1_780_000_000;
const nodeSign = (s: string, ts = t, raw = body) =>
  createHmac('sha256', s).update(`${ts}.${raw}`, 'utf8').digest('hex');
const header = `t=${t},v1=${nodeSign(secret)}`;

describe('verifyWebhook', () => {
  it('accepts a delivery signed with node:crypto', async () => {
    expect(await verifyWebhook(body, header, secret, { now: t })).toBe(true);
    expect(await verifyWebhook(new TextEncoder().encode(body), header, secret, { now: t + 299 })).toBe(true);
  });

  it('accepts any v1 of a rotation overlap, and a list of secrets', async () => {
    const both = `t=${t},v1=${nodeSign(oldSecret)},v1=${nodeSign(secret)}`;
    expect(await verifyWebhook(body, both, secret, { now: t })).toBe(true);
    expect(await verifyWebhook(body, both, oldSecret, { now: t })).toBe(true);
    expect(
      await verifyWebhook(body, `t=${t},v1=${nodeSign(oldSecret)}`, [secret, oldSecret], { now: t }),
    ).toBe(true);
  });

  it('refuses a wrong secret, a changed body, a forged timestamp and garbage', async () => {
    expect(await verifyWebhook(body, header, 'whsec_other', { now: t })).toBe(false);
    expect(await verifyWebhook(`${body} `, header, secret, { now: t })).toBe(false);
    expect(await verifyWebhook(body, header.replace(`t=${t}`, `t=${t + 1}`), secret, { now: t })).toBe(false);
    expect(await verifyWebhook(body, `t=${t},v1=zz`, secret, { now: t })).toBe(false);
    expect(await verifyWebhook(body, `t=${t},v0=${nodeSign(secret)}`, secret, { now: t })).toBe(false);
    expect(await verifyWebhook(body, '', secret, { now: t })).toBe(false);
    expect(await verifyWebhook(body, undefined, secret, { now: t })).toBe(false);
  });

  it('keeps each secret to its own key, however many secrets a process verifies with', async () => {
    // More secrets than the SDK keeps imported keys for, in turn, twice: each is accepted only for what
    // it signed, whether its key is still imported or was dropped and imported again.
    const secrets = Array.from({ length: 40 }, (_, i) => `whsec_many_${i}`);
    for (const round of [1, 2]) {
      for (const [i, s] of secrets.entries()) {
        const next = secrets[(i + 1) % secrets.length] ?? s;
        const signed = `t=${t},v1=${nodeSign(s)}`;
        expect([round, i, await verifyWebhook(body, signed, s, { now: t })]).toEqual([round, i, true]);
        expect([round, i, await verifyWebhook(body, signed, next, { now: t })]).toEqual([round, i, false]);
        expect(await signWebhookPayload(body, s, { timestamp: t })).toBe(signed);
      }
    }
  });

  it('refuses a delivery outside the tolerance, in both directions', async () => {
    expect(await verifyWebhook(body, header, secret, { now: t + 301 })).toBe(false);
    expect(await verifyWebhook(body, header, secret, { now: t - 301 })).toBe(false);
    expect(await verifyWebhook(body, header, secret, { now: t + 1000, toleranceSec: 1000 })).toBe(true);
  });

  it('uses the clock by default', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await verifyWebhook(body, `t=${now},v1=${nodeSign(secret, now)}`, secret)).toBe(true);
    expect(await verifyWebhook(body, header, secret)).toBe(false);
  });
});

describe('constructWebhookEvent and signWebhookPayload', () => {
  it('returns the typed event, or throws with the reason', async () => {
    const event = await constructWebhookEvent(body, header, secret, { now: t });
    expect(event.type).toBe('order.placed');
    if (event.type === 'order.placed') expect(event.data.seller_order_ids).toEqual(['so_1']);
    const err = await constructWebhookEvent(body, header, secret, { now: t + 999 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SoukSignatureVerificationError);
    expect(err).toMatchObject({ reason: 'timestamp_out_of_tolerance' });
    await expect(constructWebhookEvent(body, 't=abc', secret)).rejects.toMatchObject({
      reason: 'malformed_header',
    });
    await expect(constructWebhookEvent(body, null, secret)).rejects.toMatchObject({
      reason: 'missing_header',
    });
    await expect(constructWebhookEvent(body, header, 'whsec_x', { now: t })).rejects.toMatchObject({
      reason: 'no_matching_signature',
    });
  });

  it('signs exactly like node:crypto, one v1 per secret', async () => {
    expect(await signWebhookPayload(body, secret, { timestamp: t })).toBe(header);
    const two = await signWebhookPayload(body, [oldSecret, secret], { timestamp: t });
    expect(parseSignatureHeader(two)).toEqual({
      timestamp: t,
      signatures: [nodeSign(oldSecret), nodeSign(secret)],
    });
  });
});
