import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff.js';

describe('backoffMs', () => {
  it('doubles from the base per failure, stays within [ceiling/2, ceiling], and never passes the cap', () => {
    for (const [failures, ceiling] of [
      [0, 100],
      [1, 100],
      [2, 200],
      [4, 800],
      [10, 5_000],
      [60, 5_000],
    ] as const) {
      for (let i = 0; i < 200; i++) {
        const wait = backoffMs(failures, 100, 5_000);
        expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
        expect(wait).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('spreads retries out (jitter): 200 draws at one failure count are not all the same', () => {
    const draws = new Set(Array.from({ length: 200 }, () => backoffMs(6, 100, 60_000)));
    expect(draws.size).toBeGreaterThan(50);
  });
});
