import { describe, expect, it } from 'vitest';
import { keptOnceLoaded } from './kept.js';

describe('keptOnceLoaded', () => {
  it('loads once for concurrent and later callers, and loads again after a failure', async () => {
    let loads = 0;
    let fail = true;
    const kept = keptOnceLoaded(async () => {
      loads++;
      if (fail) throw new Error('not yet');
      return loads;
    });
    await expect(Promise.all([kept(), kept()])).rejects.toThrow('not yet');
    expect(loads).toBe(1);
    fail = false;
    expect(await Promise.all([kept(), kept()])).toEqual([2, 2]);
    expect(await kept()).toBe(2);
    expect(loads).toBe(2);
  });
});
