import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { locateYamlPath } from '../../load/locate.js';
import { formatFiscalYear } from '../../model/era.js';
import { meetingNumberOf } from '../../schema/meeting-id.js';
import type { MeetingRecord } from '../../project.js';
import type { Rule } from './rule.js';

/**
 * No two meetings share (年度, 回). Meetings whose number is not given are not compared.
 * OK:   fy2022-08 (2022, 8) and fy2023-08 (2023, 8)
 * Fail: two files with fiscalYear 2022, number 8 → duplicate-meeting on the second
 */
export const checkUniqueMeetings: Rule = {
  ids: ['duplicate-meeting'],
  check(project) {
    const diagnostics: Diagnostic[] = [];
    const seen = new Map<string, MeetingRecord>();
    for (const meeting of project.meetings.values()) {
      // A number 不明 / 非公表 / 調査中 is no number: two such meetings are not the same meeting.
      const number = meetingNumberOf(meeting.data);
      if (number === undefined) continue;
      const key = `${meeting.data.fiscalYear}-${number}`;
      const first = seen.get(key);
      if (first) {
        diagnostics.push(
          createDiagnostic('duplicate-meeting', meeting.file.path, locateYamlPath(meeting.file, ['number']), {
            actual: `${formatFiscalYear(meeting.data.fiscalYear)}第${number}回`,
            expected: first.file.path,
          }),
        );
      } else {
        seen.set(key, meeting);
      }
    }
    return diagnostics;
  },
};
