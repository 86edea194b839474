import { describe, expect, it } from 'vitest';
import { formatMoney, formatPriceRange, toMajorUnits, toMinorUnits } from './money';

describe('money', () => {
  it('formats minor units with the currency’s own digits', () => {
    expect(formatMoney({ amount: 1999, currency: 'USD' })).toBe('$19.99');
    expect(formatMoney({ amount: 123450, currency: 'EUR' })).toBe('€1,234.50');
    expect(formatMoney({ amount: 1500, currency: 'JPY' })).toBe('¥1,500');
    expect(formatMoney({ amount: 123450, currency: 'EUR' }, 'de-DE')).toBe('1.234,50\u00a0€');
  });

  it('converts typed prices both ways', () => {
    expect(toMinorUnits('19.99', 'USD')).toBe(1999);
    expect(toMinorUnits(' ', 'USD')).toBeUndefined();
    expect(toMinorUnits('-1', 'USD')).toBeUndefined();
    expect(toMajorUnits(1999, 'USD')).toBe('19.99');
    expect(toMajorUnits(1500, 'JPY')).toBe('1500');
  });

  it('formats a price range as a card shows it', () => {
    const usd = (amount: number) => ({ amount, currency: 'USD' });
    expect(formatPriceRange({ min: usd(1200), max: usd(1200) })).toBe('$12.00');
    expect(formatPriceRange({ min: usd(1200), max: usd(4500) })).toBe('from $12.00');
    expect(formatPriceRange({ min: usd(1200), max: usd(4500) }, { from: 'From' })).toBe('From $12.00');
    expect(
      formatPriceRange(
        { min: { amount: 990, currency: 'EUR' }, max: { amount: 1990, currency: 'EUR' } },
        {
          from: 'ab',
          locale: 'de-DE',
        },
      ),
    ).toBe('ab 9,90\u00a0€');
    expect(formatPriceRange(null)).toBeNull();
  });
});
