import type { IncidentData, OccurrenceData } from './incident.js';
import { knownValue } from '../model/uncertain.js';
import { isExact, toEpochMinutes, type DateTime } from '../model/date-time.js';

/** An occurrence with the operator it belongs to, when the operators have their own occurrences. */
export interface OperatorOccurrence {
  operator?: string;
  occurrence: OccurrenceData;
  /** Its position in the YAML: ['occurrences', i] or ['operators', j, 'occurrences', i]. */
  path: (string | number)[];
}

/** Every occurrence of an incident: the shared ones, then each operator's own. */
export function listOccurrences(data: IncidentData): OperatorOccurrence[] {
  const shared = (data.occurrences ?? []).map((occurrence, i) => ({ occurrence, path: ['occurrences', i] }));
  const own = (data.operators ?? []).flatMap((operator, j) =>
    (operator.occurrences ?? []).map((occurrence, i) => ({ operator: operator.name, occurrence, path: ['operators', j, 'occurrences', i] })),
  );
  return [...shared, ...own];
}

/** The start of an occurrence, when the sources give it. */
export function occurrenceStart(occurrence: OccurrenceData): DateTime | undefined {
  return knownValue(occurrence.occurredAt)?.value;
}

/** The recovery of an occurrence, when the sources give it. */
export function occurrenceRecovery(occurrence: OccurrenceData): DateTime | undefined {
  return knownValue(occurrence.recoveredAt)?.value;
}

/**
 * Minutes from occurrence to recovery: the stated duration, or recovery − occurrence when both are known to the
 * minute. Undefined when the sources do not give it: a coarse time never becomes a computed duration.
 */
export function occurrenceMinutes(occurrence: OccurrenceData): number | undefined {
  if (occurrence.duration !== undefined) {
    return knownValue(occurrence.duration)?.value;
  }
  const start = occurrenceStart(occurrence);
  const end = occurrenceRecovery(occurrence);
  if (!start || !end || !isExact(start) || !isExact(end)) return undefined;
  return toEpochMinutes(end) - toEpochMinutes(start);
}

/** The earliest known start of an incident, or undefined when no start is known. */
export function firstOccurrenceStart(data: IncidentData): DateTime | undefined {
  const starts = listOccurrences(data)
    .map((o) => occurrenceStart(o.occurrence))
    .filter((s): s is DateTime => s !== undefined);
  return starts.sort((a, b) => toEpochMinutes(a) - toEpochMinutes(b))[0];
}
