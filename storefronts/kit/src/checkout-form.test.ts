import { describe, expect, it } from 'vitest';
import { countries, countryName } from './checkout-form';

describe('countryName', () => {
  it('names every country of the checkout list as the list does', () => {
    for (const [code, name] of countries) expect(countryName(code)).toBe(name);
  });

  it('names other countries, in another locale too, and leaves what is not a region code as it is', () => {
    expect(countryName('BR')).toBe('Brazil');
    expect(countryName('DE', 'de-DE')).toBe('Deutschland');
    expect(countryName('D')).toBe('D');
    expect(countryName('')).toBe('');
  });
});
