import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { locateYamlPath } from '../../load/locate.js';
import { knownValue } from '../../model/uncertain.js';
import { weekdayOf } from '../../model/date-time.js';
import type { TimeValue } from '../../schema/common.js';
import { fiscalYearOf, formatFiscalYear } from '../../model/era.js';
import type { MeetingData } from '../../schema/meeting.js';
import type { SourceFile } from '../../load/source-file.js';
import type { Rule } from './rule.js';

/**
 * A meeting's end is after its start, a weekday given in the data agrees with the date, and the date lies
 * inside the meeting's fiscal year. A start or end that is 不明 / 非公表 / 調査中 is not compared: check-skipped (info).
 * OK:   date "2023-01-18", weekday 水, start "10:00", end "12:00", fiscalYear 2022
 * Fail: weekday 火 → weekday-mismatch; end "09:00" → end-before-start; end "10:00" → end-before-start (same);
 *       fiscalYear 2023 → date-outside-fiscal-year; end 不明 → check-skipped (info)
 */
export const checkMeetingTimes: Rule = {
  ids: ['end-before-start', 'weekday-mismatch', 'date-outside-fiscal-year', 'check-skipped'],
  perRecord: { kinds: ['meeting'] },
  check(project) {
    const diagnostics: Diagnostic[] = [];
    for (const { file, data } of project.meetings.values()) {
      diagnostics.push(...checkEndAfterStart(file, data));
      const date = data.date.value;
      const weekday = weekdayOf(date);
      if (data.weekday !== undefined && data.weekday.replace(/[（）()曜日]/g, '') !== weekday) {
        diagnostics.push(createDiagnostic('weekday-mismatch', file.path, locateYamlPath(file, ['weekday']), { actual: data.weekday, expected: weekday }));
      }
      if (fiscalYearOf(date) !== data.fiscalYear) {
        diagnostics.push(
          createDiagnostic('date-outside-fiscal-year', file.path, locateYamlPath(file, ['date']), {
            actual: data.date.text,
            expected: `${formatFiscalYear(data.fiscalYear)}（${data.fiscalYear}-04-01～${data.fiscalYear + 1}-03-31）`,
          }),
        );
      }
    }
    return diagnostics;
  },
};

function checkEndAfterStart(file: SourceFile, data: MeetingData): Diagnostic[] {
  const start = knownValue(data.start);
  const end = knownValue(data.end);
  if (start === undefined || end === undefined) {
    return [
      createDiagnostic('check-skipped', file.path, locateYamlPath(file, [start === undefined ? 'start' : 'end']), {
        actual: start === undefined ? '開始時刻' : '終了時刻',
        actualEn: start === undefined ? 'the start time' : 'the end time',
        expected: '終了時刻が開始時刻の後であること',
        expectedEn: 'that the end follows the start',
      }),
    ];
  }
  const minutes = ({ value }: TimeValue) => value.hour * 60 + value.minute;
  if (minutes(end) > minutes(start)) return [];
  const same = minutes(end) === minutes(start) ? { same: 'yes' } : {};
  return [createDiagnostic('end-before-start', file.path, locateYamlPath(file, ['end']), { actual: end.text, expected: start.text, ...same })];
}
