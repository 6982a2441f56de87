/**
 * Milliseconds from a monotonic clock, for the time a run took: process.hrtime, since the global `performance` loads
 * node:perf_hooks on first use, ≈ 2–5 ms of a short run (the fast path, a one-meeting build).
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
