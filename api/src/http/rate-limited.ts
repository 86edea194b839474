/**
 * Which operations the rate limiter charges: all but the `System` ones (probes and the contract
 * itself) and the `Media` ones (public, immutable, content-addressed images with a bounded cost each —
 * a fixed list of widths, rendered once then stored — fetched by the dozen per page and meant to sit
 * behind a CDN). One rule for the API's limiter, the spec's 429/RateLimit headers and the Kong config.
 */
export function isRateLimited(operation: { tags?: readonly string[] }): boolean {
  const tags = operation.tags ?? [];
  return !tags.includes('System') && !tags.includes('Media');
}
