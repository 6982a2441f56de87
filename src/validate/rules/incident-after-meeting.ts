import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { locateYamlPath } from '../../load/locate.js';
import { knownValue } from '../../model/uncertain.js';
import { toEpochMinutes, type DateTime } from '../../model/date-time.js';
import { formatOccurrence, formatWarekiDate } from '../../model/era.js';
import { firstOccurrenceStart } from '../../schema/occurrence-facts.js';
import type { MeetingData } from '../../schema/meeting.js';
import type { Rule } from './rule.js';

/**
 * An incident a meeting examines occurred before that meeting: its first known occurrence is not later than the
 * meeting's start (the end of the meeting's day when the start is 不明 / 非公表). An incident whose every start is
 * unknown is skipped with check-skipped (info); a masked date ("D1 12:00") names no day and is not compared.
 * OK:   meeting 2025-06-12 10:00 examines 2025-04-26-kubell (occurredAt "2025-04-26 07:41")
 * Fail: meeting 2023-01-18 10:00 examines an incident with occurredAt "2025-04-26 07:41" → incident-after-meeting
 *       (warning) at the reference
 */
export const checkIncidentAfterMeeting: Rule = {
  ids: ['incident-after-meeting', 'check-skipped'],
  // A meeting's findings depend on the incidents it examines as well.
  perRecord: {
    kinds: ['meeting'],
    dependsOn: { kinds: ['incident'], inputs: (record, project) => referencedIds(record.data as MeetingData).map((id) => project.incidents.get(id)?.data) },
  },
  check(project) {
    const diagnostics: Diagnostic[] = [];
    for (const { file, data } of project.meetings.values()) {
      const meetingStart = meetingStartMinutes(data);
      const meeting = `${formatWarekiDate(data.date.value)}${knownValue(data.start) === undefined ? '' : ` ${knownValue(data.start)?.text}`}`;
      data.agenda.forEach((item, itemIndex) => {
        (item.incidents ?? []).forEach((ref, refIndex) => {
          const id = typeof ref === 'string' ? ref : ref.ref;
          const incident = project.incidents.get(id);
          if (!incident) return;
          const path = ['agenda', itemIndex, 'incidents', refIndex, ...(typeof ref === 'string' ? [] : ['ref'])];
          const first = firstOccurrenceStart(incident.data);
          if (first?.relativeDay !== undefined) return;
          if (!first) {
            diagnostics.push(
              createDiagnostic('check-skipped', file.path, locateYamlPath(file, path), {
                actual: `事故「${id}」の発生日時`,
                actualEn: `the occurrence time of incident "${id}"`,
                expected: '事故が会議の前に発生したこと',
                expectedEn: 'that the incident occurred before the meeting',
              }),
            );
            return;
          }
          if (toEpochMinutes(first) > meetingStart) {
            diagnostics.push(createDiagnostic('incident-after-meeting', file.path, locateYamlPath(file, path), { actual: id, expected: formatOccurrence(first), meeting }));
          }
        });
      });
    }
    return diagnostics;
  },
};

/** The meeting's start in epoch minutes; the last minute of its day when the start is not given. */
function meetingStartMinutes(data: MeetingData): number {
  const start = knownValue(data.start);
  const time = start === undefined ? { hour: 23, minute: 59 } : start.value;
  const at: DateTime = { ...data.date.value, ...time };
  return toEpochMinutes(at);
}

/** The ids of the incidents a meeting's agenda examines, in order. */
function referencedIds(data: MeetingData): string[] {
  return data.agenda.flatMap((item) => (item.incidents ?? []).map((ref) => (typeof ref === 'string' ? ref : ref.ref)));
}
