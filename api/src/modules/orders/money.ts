/**
 * `amount × bps / 10000`, rounded half up, in exact integer arithmetic (BigInt: amount × bps can pass
 * 2^53 for large orders).
 */
export function applyBps(amount: number, bps: number): number {
  const product = BigInt(amount) * BigInt(bps);
  return Number((product + 5000n) / 10000n);
}
