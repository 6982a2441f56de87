/** The order of meetings: by fiscal year, then by number; by date where a number is not given. */
export function compareMeetings(
  a: { fiscalYear: number; number?: number; isoDate: string },
  b: { fiscalYear: number; number?: number; isoDate: string },
): number {
  if (a.fiscalYear !== b.fiscalYear) return a.fiscalYear - b.fiscalYear;
  return a.number !== undefined && b.number !== undefined ? a.number - b.number : a.isoDate.localeCompare(b.isoDate);
}
