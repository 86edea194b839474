import { describe, expect, it } from 'vitest';
import { knownTimeZone, shopperDate } from './dates';

describe('shopperDate', () => {
  // 23:30 UTC on 5 December: already the 6th in Tokyo, still the 5th in New York.
  const late = '2026-12-05T23:30:00Z';
  const day = { day: 'numeric', month: 'short', year: 'numeric' } as const;

  it('dates an instant by the shopper’s day in their zone', () => {
    expect(shopperDate(late, day, { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('6 Dec 2026');
    expect(shopperDate(late, day, { locale: 'en-GB', timeZone: 'America/New_York' })).toBe('5 Dec 2026');
  });

  it('falls back to UTC for no zone or one the runtime does not know', () => {
    expect(shopperDate(late, day, { locale: 'en-GB' })).toBe('5 Dec 2026');
    expect(shopperDate(late, day, { locale: 'en-GB', timeZone: 'Mars/Olympus' })).toBe('5 Dec 2026');
  });
});

describe('knownTimeZone', () => {
  it('keeps zones the runtime knows and refuses anything else a cookie could hold', () => {
    expect(knownTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(knownTimeZone('UTC')).toBe('UTC');
    for (const bad of [undefined, null, '', 'Mars/Olympus', '../etc', 'Europe/Paris; x=1', 'A'.repeat(80)])
      expect(knownTimeZone(bad)).toBeUndefined();
  });
});
