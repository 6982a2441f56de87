/**
 * fast-check settings shared by the property tests: under CI a fixed seed (a flaky CI run costs a whole session's
 * work), locally a random one, so that a local run searches; keep every counterexample as a fixed example.
 * PROPERTY_RUNS sets the number of runs for a deeper local search; PROPERTY_SEED replays a run.
 */
export function propertyRuns(defaultRuns: number): { numRuns: number; seed?: number } {
  const seed = process.env.PROPERTY_SEED ?? (process.env.CI ? '20261128' : undefined);
  return { numRuns: Number(process.env.PROPERTY_RUNS ?? defaultRuns), ...(seed !== undefined && { seed: Number(seed) }) };
}
