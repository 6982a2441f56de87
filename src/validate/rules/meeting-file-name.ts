import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { locateYamlPath } from '../../load/locate.js';
import { meetingIdOf, meetingNumberOf } from '../../schema/meeting-id.js';
import type { Rule } from './rule.js';

/**
 * A meeting's file name agrees with its fiscalYear and number: fy<fiscal year>-<number, 2 digits>.md. When the
 * number is 不明 / 非公表 / 調査中, only the fiscal year is compared (fy2025-<anything>.md) and check-skipped (info)
 * says the number was not.
 * OK:   fy2025-01.md with fiscalYear 2025, number 1; fy2025-x.md with fiscalYear 2025, number 不明 (+ check-skipped)
 * Fail: fy2025-02.md with fiscalYear 2025, number 1 → meeting-file-name-mismatch (warning) at number;
 *       fy2024-01.md with fiscalYear 2025, number 1 → meeting-file-name-mismatch at fiscalYear
 */
export const checkMeetingFileName: Rule = {
  ids: ['meeting-file-name-mismatch', 'check-skipped'],
  perRecord: { kinds: ['meeting'] },
  check(project) {
    const diagnostics: Diagnostic[] = [];
    for (const { id, file, data } of project.meetings.values()) {
      const number = meetingNumberOf(data);
      const yearPrefix = `fy${data.fiscalYear}-`;
      if (!id.startsWith(yearPrefix)) {
        const expected = number === undefined ? `${yearPrefix}…` : meetingIdOf(data.fiscalYear, number);
        diagnostics.push(createDiagnostic('meeting-file-name-mismatch', file.path, locateYamlPath(file, ['fiscalYear']), { actual: id, expected }));
      } else if (number === undefined) {
        diagnostics.push(
          createDiagnostic('check-skipped', file.path, locateYamlPath(file, ['number']), {
            actual: '回',
            actualEn: 'the meeting number',
            expected: 'ファイル名と回の一致',
            expectedEn: 'that the file name agrees with the number',
          }),
        );
      } else if (id !== meetingIdOf(data.fiscalYear, number)) {
        diagnostics.push(
          createDiagnostic('meeting-file-name-mismatch', file.path, locateYamlPath(file, ['number']), { actual: id, expected: meetingIdOf(data.fiscalYear, number) }),
        );
      }
    }
    return diagnostics;
  },
};
