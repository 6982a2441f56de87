import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { locateYamlPath } from '../../load/locate.js';
import { classTableAt } from '../../load/read-codes.js';
import { maxCount } from '../../normalize/counts.js';
import { formatDurationJa, parseDateTime, toIsoDate } from '../../normalize/datetime.js';
import { occurrenceMinutes } from '../../normalize/normalize-incident.js';
import type { Rule } from './index.js';

/**
 * The 区分 is a class in force at the occurrence date (data/codes/serious-accident-classes.yaml), and the
 * incident's duration and numeric affected users reach one of the class's thresholds (else a warning: the
 * committee may examine an incident below them).
 * OK:   class "五 一の項から…", 23時間44分, 最大約8.3万 → reaches 2時間 / 3万
 * Fail: class "六 …" → unknown-class; class 五 with 1時間30分 and 5,000人 → below-threshold (warning)
 */
export const checkSeriousAccidentClass: Rule = {
  ids: ['unknown-class', 'below-threshold'],
  check(project) {
    const diagnostics: Diagnostic[] = [];
    for (const { file, data } of project.incidents.values()) {
      const occurred = parseDateTime(data.occurrences[0].occurredAt)!;
      // A masked date (the fictional example) names no day, so no class table applies to it.
      if (occurred.relativeDay !== undefined) continue;
      const table = classTableAt(project.codes, toIsoDate(occurred));
      if (!table) continue;
      const numeral = /^\s*([一二三四五六七八九十]+)/.exec(data.classification.class)?.[1];
      const entry = table.classes.find((c) => c.numeral === numeral);
      const where = () => locateYamlPath(file, ['classification', 'class']);
      if (!entry) {
        diagnostics.push(
          createDiagnostic('unknown-class', file.path, where(), {
            actual: data.classification.class.slice(0, 20),
            expected: table.classes.map((c) => c.numeral).join('・'),
          }),
        );
        continue;
      }
      if (!entry.thresholds) continue;
      const minutes = Math.max(...data.occurrences.map((o) => occurrenceMinutes(o) ?? 0));
      const perOperator = (data.operators ?? []).map((o) => maxCount(o.affectedUsers)).filter((n) => n !== undefined) as number[];
      const users = maxCount(data.affectedUsers) ?? (perOperator.length ? Math.max(...perOperator) : undefined);
      if (users === undefined) continue;
      const reached = entry.thresholds.some((t) => minutes >= t.hours * 60 && users >= t.users);
      if (!reached) {
        diagnostics.push(
          createDiagnostic('below-threshold', file.path, where(), {
            actual: `${numeral}（${formatDurationJa(minutes)}、${users.toLocaleString('en-US')}）`,
            expected: entry.thresholds.map((t) => `${t.hours}時間以上かつ${t.users / 10000}万以上`).join(' 又は '),
          }),
        );
      }
    }
    return diagnostics;
  },
};
