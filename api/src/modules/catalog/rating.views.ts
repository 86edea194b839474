import type { components } from '../../generated/openapi.js';

/** A product's (or seller's) review aggregate as the API shows it. */
export type ProductRating = components['schemas']['ProductRating'];

/**
 * The aggregate from its stored counts. The average is derived here, from integers, rather than
 * stored: rounding happens once, and the counts stay the single source of truth.
 */
export function toRating(count: number, sum: number, stars: readonly number[]): ProductRating {
  const n = Number(count);
  return {
    average: n === 0 ? null : Math.round((Number(sum) / n) * 100) / 100,
    count: n,
    distribution: {
      '1': Number(stars[0] ?? 0),
      '2': Number(stars[1] ?? 0),
      '3': Number(stars[2] ?? 0),
      '4': Number(stars[3] ?? 0),
      '5': Number(stars[4] ?? 0),
    },
  };
}
