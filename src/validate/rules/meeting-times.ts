import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { locateYamlPath } from '../../load/locate.js';
import { parseIsoDate, parseTime, weekdayOf } from '../../normalize/datetime.js';
import { fiscalYearOf, formatFiscalYear } from '../../normalize/era.js';
import type { Rule } from './rule.js';

/**
 * A meeting's end is after its start, a weekday given in the data agrees with the date, and the date lies
 * inside the meeting's fiscal year.
 * OK:   date "2023-01-18", weekday 水, start "10:00", end "12:00", fiscalYear 2022
 * Fail: weekday 火 → weekday-mismatch; end "09:00" → end-before-start; fiscalYear 2023 → date-outside-fiscal-year
 */
export const checkMeetingTimes: Rule = {
  ids: ['end-before-start', 'weekday-mismatch', 'date-outside-fiscal-year'],
  check(project) {
    const diagnostics: Diagnostic[] = [];
    for (const { file, data } of project.meetings.values()) {
      const date = parseIsoDate(data.date)!;
      const start = parseTime(data.start)!;
      const end = parseTime(data.end)!;
      if (end.hour * 60 + end.minute <= start.hour * 60 + start.minute) {
        diagnostics.push(createDiagnostic('end-before-start', file.path, locateYamlPath(file, ['end']), { actual: data.end, expected: data.start }));
      }
      const weekday = weekdayOf(date);
      if (data.weekday !== undefined && data.weekday.replace(/[（）()曜日]/g, '') !== weekday) {
        diagnostics.push(createDiagnostic('weekday-mismatch', file.path, locateYamlPath(file, ['weekday']), { actual: data.weekday, expected: weekday }));
      }
      if (fiscalYearOf(date) !== data.fiscalYear) {
        diagnostics.push(
          createDiagnostic('date-outside-fiscal-year', file.path, locateYamlPath(file, ['date']), {
            actual: data.date,
            expected: `${formatFiscalYear(data.fiscalYear)}（${data.fiscalYear}-04-01～${data.fiscalYear + 1}-03-31）`,
          }),
        );
      }
    }
    return diagnostics;
  },
};
