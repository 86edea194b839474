import { afterEach, describe, expect, it, vi } from 'vitest';
import { concerns, readCookie } from './use-cookie';

describe('concerns (a Cookie Store change, for one cookie’s readers)', () => {
  it('is about the cookie when it was set or deleted, and not about another', () => {
    expect(concerns({ changed: [{ name: 'bazaar_currency' }], deleted: [] }, 'bazaar_currency')).toBe(true);
    expect(concerns({ changed: [], deleted: [{ name: 'bazaar_currency' }] }, 'bazaar_currency')).toBe(true);
    expect(concerns({ changed: [{ name: 'bazaar_tz' }], deleted: [] }, 'bazaar_currency')).toBe(false);
    expect(concerns({}, 'bazaar_currency')).toBe(false);
  });
});

describe('readCookie', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads one cookie by its whole name, decoded, and null when it is not there', () => {
    vi.stubGlobal('document', { cookie: 'atelier_tz_old=UTC; atelier_tz=America%2FNew_York; x=a=b' });
    expect(readCookie('atelier_tz')).toBe('America/New_York');
    expect(readCookie('x')).toBe('a=b');
    expect(readCookie('atelier')).toBeNull();
  });
});
