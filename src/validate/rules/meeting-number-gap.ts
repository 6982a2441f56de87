import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { locateYamlPath } from '../../load/locate.js';
import { formatFiscalYear } from '../../model/era.js';
import { meetingNumberOf } from '../../schema/meeting-id.js';
import type { MeetingRecord } from '../../project.js';
import type { Rule } from './rule.js';

/**
 * No 回 is missing between the meetings of a fiscal year that the data folder holds. A folder may hold only the
 * later meetings of a year (the bundled data starts at 第8回), so only a hole between two meetings present is a gap,
 * and a year with a single meeting never is. A year with a meeting whose number is 不明 / 非公表 / 調査中 may have
 * that meeting in the hole: check-skipped (info) instead. Only a run over the whole data folder is checked.
 * OK:   fy2025-01, fy2025-02, fy2025-03; fy2024-08 alone; fy2025-03 and fy2025-04 (the folder starts at 第3回)
 * Fail: fy2025-01 and fy2025-03 → meeting-number-gap (warning) at fy2025-03's number (第2回 is missing)
 */
export const checkMeetingNumberGap: Rule = {
  ids: ['meeting-number-gap', 'check-skipped'],
  check(project) {
    if (!project.complete) return [];
    const diagnostics: Diagnostic[] = [];
    for (const meetings of groupByFiscalYear(project.meetings.values()).values()) {
      const numbered = meetings.flatMap((m) => {
        const number = meetingNumberOf(m.data);
        return number === undefined ? [] : [{ meeting: m, number }];
      });
      const present = new Set(numbered.map((n) => n.number));
      const lowest = Math.min(...present);
      const unnumbered = numbered.length < meetings.length;
      for (const { meeting, number } of numbered) {
        if (number <= lowest || present.has(number - 1)) continue;
        let first = number - 1;
        while (first - 1 > lowest && !present.has(first - 1)) first -= 1;
        const missing = first === number - 1 ? `第${first}回` : `第${first}回～第${number - 1}回`;
        const missingEn = first === number - 1 ? `${first}` : `${first}–${number - 1}`;
        const at = locateYamlPath(meeting.file, ['number']);
        diagnostics.push(
          unnumbered
            ? createDiagnostic('check-skipped', meeting.file.path, at, {
                actual: '同じ年度の会議の回',
                actualEn: 'the number of a meeting of the same fiscal year',
                expected: `${missing}が欠番でないこと`,
                expectedEn: `that meeting ${missingEn} is not missing`,
              })
            : createDiagnostic('meeting-number-gap', meeting.file.path, at, {
                actual: `${formatFiscalYear(meeting.data.fiscalYear)}第${number}回`,
                actualEn: `${meeting.data.fiscalYear}/${number}`,
                expected: missing,
                expectedEn: `${meeting.data.fiscalYear}/${missingEn}`,
              }),
        );
      }
    }
    return diagnostics;
  },
};

function groupByFiscalYear(meetings: Iterable<MeetingRecord>): Map<number, MeetingRecord[]> {
  const byYear = new Map<number, MeetingRecord[]>();
  for (const meeting of meetings) {
    const year = byYear.get(meeting.data.fiscalYear);
    if (year) year.push(meeting);
    else byYear.set(meeting.data.fiscalYear, [meeting]);
  }
  return byYear;
}
