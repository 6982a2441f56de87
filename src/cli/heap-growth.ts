import v8 from 'node:v8';

/**
 * How far V8 lets the heap grow past what survived its last full collection before the next one: 20 % (V8 picks
 * 10–300 % by how fast it collects; a build allocates fast, so it took about 200 %). A build keeps a steady set of
 * records (≈ 50 MB at 1000 meetings) and makes short-lived documents, pages and Word objects; letting them pile
 * up to three times that is most of its peak memory. At 30 %, measured at 1000 meetings on Node 20: peak RSS 450 → 324 MB
 * with a Word worker (HTML only: 320 → 262 MB), the same CPU time. 20 % since (1000 meetings, peak at the site step):
 * 256–265 → 230 MB, with no more collections (15 full ones against 22 at 30 %). A process-wide setting, so it is the
 * CLI's, not the library's: a program that calls convert() keeps its own.
 */
export const HEAP_GROWING_PERCENT = 20;

export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
