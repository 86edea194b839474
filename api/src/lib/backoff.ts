/**
 * The one backoff of the API's retry loops (outbox relay, both buses' consumers, the plugin runner):
 * exponential, capped, with "equal jitter" — half the ceiling fixed, half random — so a crowd of
 * consumers restarting together spreads out without any of them retrying at once.
 * Returns how long to wait after `failures` failed attempts (1 → about `baseMs`).
 */
export function backoffMs(failures: number, baseMs: number, capMs: number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
