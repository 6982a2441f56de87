/**
 * The order of meetings: by fiscal year, then by number; by date where a number is not given. Two meetings in the same
 * place (a duplicated file, which the build reports) by id, so that the site pages do not depend on the order in which
 * a build came to list them (a watch keeps its listings in another order than a fresh build).
 */
export function compareMeetings(
  a: { id: string; fiscalYear: number; number?: number; isoDate: string },
  b: { id: string; fiscalYear: number; number?: number; isoDate: string },
): number {
  if (a.fiscalYear !== b.fiscalYear) return a.fiscalYear - b.fiscalYear;
  const order = a.number !== undefined && b.number !== undefined ? a.number - b.number : a.isoDate.localeCompare(b.isoDate);
  return order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
