import { afterEach, describe, expect, it } from 'vitest';
import { browserTimeZone } from './time-zone';

// Node 20 has no Temporal: the first test is the fallback browsers without it take. Chromium's own
// Temporal is exercised by the account journey (the cookie holds the zone the browser was given).
describe('browserTimeZone', () => {
  const global = globalThis as { Temporal?: unknown };
  afterEach(() => {
    delete global.Temporal;
  });

  it('reads the zone from Intl where there is no Temporal', () => {
    expect(global.Temporal).toBeUndefined();
    expect(browserTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('asks Temporal first, where there is one', () => {
    const other =
      Intl.DateTimeFormat().resolvedOptions().timeZone === 'Asia/Tokyo' ? 'Europe/Paris' : 'Asia/Tokyo';
    global.Temporal = { Now: { timeZoneId: () => other } };
    expect(browserTimeZone()).toBe(other);
    global.Temporal = { Now: { timeZoneId: () => '' } };
    expect(browserTimeZone()).toBeUndefined();
  });
});
