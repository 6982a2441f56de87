/** Output name of an incident's report: output/report-<incident id>.html (its kind's output id, document-types.ts). */
export function reportIdOf(incidentId: string): string {
  return `report-${incidentId}`;
}
