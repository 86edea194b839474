import type { Counter } from 'prom-client';

/** What `counter` has counted so far in this process for the series with these labels (0 before any). */
export async function counted<L extends string>(
  counter: Counter<L>,
  labels: Partial<Record<L, string>>,
): Promise<number> {
  const { values } = await counter.get();
  const wanted = Object.entries(labels) as [L, string][];
  return values.find((v) => wanted.every(([name, value]) => v.labels[name] === value))?.value ?? 0;
}
