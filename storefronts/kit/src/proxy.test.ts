import { describe, expect, it } from 'vitest';
import { currencyRewritePath } from './proxy';

const currencies = ['USD', 'EUR'];

describe('currencyRewritePath', () => {
  it("serves a product page and the home page from the prerendered page of the cookie's currency", () => {
    expect(currencyRewritePath('/products/boot', 'EUR', currencies)).toBe('/products/boot/eur');
    expect(currencyRewritePath('/', 'eur', currencies)).toBe('/home/eur');
  });

  it('falls back to the first currency for a missing or unknown cookie', () => {
    expect(currencyRewritePath('/', undefined, currencies)).toBe('/home/usd');
    expect(currencyRewritePath('/products/boot', 'GBP', currencies)).toBe('/products/boot/usd');
  });

  it('leaves other paths alone', () => {
    expect(currencyRewritePath('/products', 'EUR', currencies)).toBeNull();
    expect(currencyRewritePath('/products/boot/eur', 'EUR', currencies)).toBeNull();
    expect(currencyRewritePath('/cart', 'EUR', currencies)).toBeNull();
  });
});
