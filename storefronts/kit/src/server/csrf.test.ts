import { describe, expect, it } from 'vitest';
import { isSameSiteRequest } from './csrf';

const post = (headers: Record<string, string>) =>
  new Request('http://shop.test/session', { method: 'POST', headers: { host: 'shop.test', ...headers } });

describe('isSameSiteRequest (double-submit CSRF token and the browser’s own signals)', () => {
  it('accepts the token this browser holds, from this origin or without an Origin header', () => {
    expect(isSameSiteRequest(post({ origin: 'http://shop.test' }), 'tok', 'tok')).toBe(true);
    expect(isSameSiteRequest(post({ 'sec-fetch-site': 'same-origin' }), 'tok', 'tok')).toBe(true);
    expect(isSameSiteRequest(post({}), 'tok', 'tok')).toBe(true);
  });

  it('refuses a missing, empty or different token, or no cookie', () => {
    expect(isSameSiteRequest(post({}), null, 'tok')).toBe(false);
    expect(isSameSiteRequest(post({}), '', '')).toBe(false);
    expect(isSameSiteRequest(post({}), 'tok2', 'tok')).toBe(false);
    expect(isSameSiteRequest(post({}), 'tok', undefined)).toBe(false);
  });

  it('refuses another origin or a cross-site fetch even with a matching token', () => {
    expect(isSameSiteRequest(post({ origin: 'https://evil.example' }), 'tok', 'tok')).toBe(false);
    expect(isSameSiteRequest(post({ origin: 'null' }), 'tok', 'tok')).toBe(false);
    expect(isSameSiteRequest(post({ 'sec-fetch-site': 'cross-site' }), 'tok', 'tok')).toBe(false);
  });

  it('behind a proxy, compares with the forwarded host', () => {
    const req = post({ origin: 'https://shop.example', 'x-forwarded-host': 'shop.example' });
    expect(isSameSiteRequest(req, 'tok', 'tok')).toBe(true);
  });
});
