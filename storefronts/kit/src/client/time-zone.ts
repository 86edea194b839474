/** The part of the TC39 `Temporal` global this file reads (TypeScript 5.9's libraries do not declare it). */
interface TemporalNow {
  Now: { timeZoneId(): string };
}

/**
 * The browser's IANA time zone (`Europe/Paris`), or undefined when it reports none.
 *
 * Why not only `Intl.DateTimeFormat().resolvedOptions().timeZone`: the first `DateTimeFormat` a page
 * builds loads the locale's calendar data, 15–27 ms of main thread in Chromium 156 on this project's
 * machines, which a phone's slower CPU multiplies into a blocking task on every page that asks.
 * `Temporal.Now.timeZoneId()` reads the same zone (emulated zones included) in under 0.1 ms; browsers
 * without Temporal take the `Intl` path.
 */
export function browserTimeZone(): string | undefined {
  const temporal = (globalThis as { Temporal?: TemporalNow }).Temporal;
  const zone = temporal ? temporal.Now.timeZoneId() : Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone || undefined;
}
