import { describe, expect, it } from 'vitest';
import { randomBase62 } from './random.js';

describe('randomBase62', () => {
  it('gives exactly the asked number of base62 characters', () => {
    for (const n of [1, 22, 32, 100]) expect(randomBase62(n)).toMatch(new RegExp(`^[0-9A-Za-z]{${n}}$`));
  });

  it('uses every symbol equally often (a plain byte % 62 would favour the first 8 by 25%)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4_000; i++) for (const c of randomBase62(31)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // 124,000 characters: 2,000 expected per symbol, standard deviation ≈ 44; ±12% is > 5 sigma.
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(1_760);
      expect(n).toBeLessThan(2_240);
    }
  });
});
