import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { locateYamlPath } from '../../load/locate.js';
import { classTableAt } from '../../load/read-codes.js';
import { isStatusWord } from '../../model/uncertain.js';
import { groupDigits } from '../../model/digits.js';
import { maxCount } from '../../schema/count-values.js';
import { classEntries, splitClass } from '../../schema/class-entries.js';
import { formatDurationJa, toIsoDate } from '../../model/date-time.js';
import { firstOccurrenceStart, listOccurrences, occurrenceMinutes } from '../../schema/occurrence-facts.js';
import type { Rule } from './rule.js';
import { skippedCheck } from './skipped-check.js';

/**
 * Each 区分 is a class of the table in force at the occurrence date (data/codes/serious-accident-classes.yaml): its
 * numeral exists there, and a text written after the numeral is the law's text. The incident's duration and affected
 * users reach one of the class's thresholds (else a warning: the committee may examine an incident below them).
 * A check that needs a value the sources do not give is skipped with an info diagnostic; a table without thresholds
 * is said once per run.
 * OK:   class "五 一の項から…", 23時間44分, 最大約8.3万 → reaches 2時間 / 3万; class "五" (printed with its text)
 * Fail: class "六 …" → unknown-class; "五 緊急通報を取り扱う音声伝送役務" → class-text-mismatch;
 *       class 五 with 1時間30分 and 5,000人 → below-threshold (warning)
 */
export const checkSeriousAccidentClass: Rule = {
  ids: ['unknown-class', 'class-text-mismatch', 'below-threshold', 'check-skipped', 'thresholds-unknown'],
  perRecord: { kinds: ['incident'] },
  check(project) {
    const diagnostics: Diagnostic[] = [];
    const withoutThresholds = new Map<string, { count: number; file: string; range: ReturnType<typeof locateYamlPath> }>();
    for (const { file, data } of project.incidents.values()) {
      const occurred = firstOccurrenceStart(data);
      // A masked date (the fictional example) names no day, so no class table applies to it.
      if (occurred?.relativeDay !== undefined) continue;
      const entries = classEntries(data.classification.class);
      const where = (index: number) =>
        locateYamlPath(file, Array.isArray(data.classification.class) ? ['classification', 'class', index] : ['classification', 'class']);
      if (!occurred) {
        diagnostics.push(
          skippedCheck(file.path, locateYamlPath(file, ['classification', 'class']), 'occurrenceDate'),
        );
        continue;
      }
      const table = classTableAt(project.codes, toIsoDate(occurred));
      if (!table) continue;
      entries.forEach((entry, index) => {
        if (isStatusWord(entry)) {
          diagnostics.push(
            skippedCheck(file.path, where(index), 'classStatus'),
          );
          return;
        }
        const split = splitClass(entry);
        if (!split) {
          // Text without an item numeral (a class of 第2号, or the text alone): nothing to compare it with.
          diagnostics.push(
            skippedCheck(file.path, where(index), 'classNumeral'),
          );
          return;
        }
        const known = table.classes.find((c) => c.numeral === split.numeral);
        if (!known) {
          diagnostics.push(
            createDiagnostic('unknown-class', file.path, where(index), {
              actual: entry.slice(0, 20),
              expected: table.classes.map((c) => c.numeral).join('・'),
            }),
          );
          return;
        }
        if (split.text !== undefined && normalizeText(split.text) !== normalizeText(known.text)) {
          diagnostics.push(
            createDiagnostic('class-text-mismatch', file.path, where(index), {
              actual: entry.slice(0, 30),
              numeral: known.numeral,
              expected: known.text,
              table: table.effectiveFrom,
            }),
          );
          return;
        }
        if (!known.thresholds) {
          const seen = withoutThresholds.get(table.effectiveFrom);
          withoutThresholds.set(table.effectiveFrom, seen ? { ...seen, count: seen.count + 1 } : { count: 1, file: file.path, range: where(index) });
          return;
        }
        const durations = listOccurrences(data).map((o) => occurrenceMinutes(o.occurrence));
        const perOperator = (data.operators ?? []).map((o) => maxCount(o.affectedUsers));
        const perSeverity = (data.bySeverity ?? []).map((s) => maxCount(s.affectedUsers));
        const users = [maxCount(data.affectedUsers), ...perOperator, ...perSeverity].filter((n): n is number => n !== undefined);
        const knownMinutes = durations.filter((m): m is number => m !== undefined);
        if (knownMinutes.length === 0 || users.length === 0) {
          diagnostics.push(
            skippedCheck(file.path, where(index), knownMinutes.length === 0 ? 'duration' : 'users'),
          );
          return;
        }
        const minutes = Math.max(...knownMinutes);
        const most = Math.max(...users);
        if (!known.thresholds.some((t) => minutes >= t.hours * 60 && most >= t.users)) {
          diagnostics.push(
            createDiagnostic('below-threshold', file.path, where(index), {
              actual: `${known.numeral}（${formatDurationJa(minutes)}、${groupDigits(most)}）`,
              expected: known.thresholds.map((t) => `${t.hours}時間以上かつ${t.users / 10000}万以上`).join(' 又は '),
            }),
          );
        }
      });
    }
    // Said once per table, at the first incident under it.
    for (const [table, { count, file, range }] of withoutThresholds) {
      diagnostics.push(createDiagnostic('thresholds-unknown', file, range, { table, actual: count }));
    }
    return diagnostics;
  },
};

/** Text compared as the law reads: width, spaces and the 「の項」 numerals the same. */
function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}
