/**
 * Lighthouse's CPU slowdown calibrated to the host, the documented way.
 *
 * Lighthouse's simulated throttling multiplies every main-thread task it observed by
 * `cpuSlowdownMultiplier` (default 4). Its docs (docs/throttling.md, "Calibrating the CPU slowdown")
 * say the 4× assumes a high-end desktop host (benchmarkIndex 1500–2000) and that a weaker host should
 * use a lower multiplier, computed from the report's benchmarkIndex by the Lighthouse CPU slowdown
 * calculator (https://lighthouse-cpu-throttling-calculator.vercel.app/, source
 * github.com/patrickhulce/lighthouse-cpu-throttling-calculator, `pages/index.js`,
 * `computeMultiplierMessages`). That calculator is piecewise linear:
 *
 * | benchmarkIndex | multiplier                       | anchors                        |
 * | -------------- | -------------------------------- | ------------------------------ |
 * | ≥ 1300         | 3 + (benchmarkIndex − 1300) / 233 | 1300 → 3, 1533 → 4, 2000 → 6   |
 * | 800–1300       | 2 + (benchmarkIndex − 800) / 500  | 800 → 2, 1300 → 3              |
 * | 150–800        | 1 + (benchmarkIndex − 150) / 650  | 150 → 1, 800 → 2               |
 * | < 150          | none: "too slow to accurately emulate the target Lighthouse device" |
 *
 * and it prints the multiplier to one decimal (`--throttling.cpuSlowdownMultiplier=2.4`), as here.
 */

/** Lighthouse's default `cpuSlowdownMultiplier` (constants.js, mobile). */
export const DEFAULT_CPU_MULTIPLIER = 4;

/**
 * The calculator's multiplier for a host's benchmarkIndex, to one decimal; `undefined` below 150,
 * where the calculator declines to give one.
 */
export function calibratedCpuMultiplier(benchmarkIndex: number): number | undefined {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex < 150) return undefined;
  const multiplier =
    benchmarkIndex >= 1300
      ? 3 + (benchmarkIndex - 1300) / 233
      : benchmarkIndex >= 800
        ? 2 + (benchmarkIndex - 800) / 500
        : 1 + (benchmarkIndex - 150) / 650;
  return Math.round(multiplier * 10) / 10;
}
