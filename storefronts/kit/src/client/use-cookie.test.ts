import { describe, expect, it } from 'vitest';
import { concerns } from './use-cookie';

describe('concerns (a Cookie Store change, for one cookie’s readers)', () => {
  it('is about the cookie when it was set or deleted, and not about another', () => {
    expect(concerns({ changed: [{ name: 'bazaar_currency' }], deleted: [] }, 'bazaar_currency')).toBe(true);
    expect(concerns({ changed: [], deleted: [{ name: 'bazaar_currency' }] }, 'bazaar_currency')).toBe(true);
    expect(concerns({ changed: [{ name: 'bazaar_tz' }], deleted: [] }, 'bazaar_currency')).toBe(false);
    expect(concerns({}, 'bazaar_currency')).toBe(false);
  });
});
