import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { locateYamlPath } from '../../load/locate.js';
import { knownValue } from '../../model/uncertain.js';
import { formatDurationJa, isExact, toEpochMinutes } from '../../model/date-time.js';
import { listOccurrences, occurrenceRecovery, occurrenceStart } from '../../schema/occurrence-facts.js';
import type { Rule } from './rule.js';
import { skippedCheck } from './skipped-check.js';

/**
 * Each occurrence has a duration or a recovery time (either may be 不明 / 非公表 / 調査中); recovery is after
 * occurrence; a stated duration agrees with recovery − occurrence. A check that needs a value the sources do not
 * give, or a time known only to the hour, is skipped with an info diagnostic that says why.
 * OK:   occurredAt "2025-04-26 07:41", recoveredAt "2025-04-27 07:25", duration PT23H44M
 * Fail: recoveredAt "2025-04-26 07:00" → recovery-before-occurrence; duration PT23H40M → duration-mismatch;
 *       occurredAt "2025-04-26 17時", recoveredAt "2025-04-26 19:00", duration PT2H → check-skipped (info)
 */
export const checkOccurrences: Rule = {
  ids: ['missing-duration', 'recovery-before-occurrence', 'duration-mismatch', 'check-skipped'],
  perRecord: { kinds: ['incident'] },
  check(project) {
    const diagnostics: Diagnostic[] = [];
    for (const { file, data } of project.incidents.values()) {
      for (const { occurrence, path } of listOccurrences(data)) {
        if (occurrence.duration === undefined && occurrence.recoveredAt === undefined) {
          diagnostics.push(createDiagnostic('missing-duration', file.path, locateYamlPath(file, path)));
          continue;
        }
        if (occurrence.recoveredAt === undefined) continue;
        const start = occurrenceStart(occurrence);
        const end = occurrenceRecovery(occurrence);
        if (!start || !end) {
          diagnostics.push(
            skippedCheck(file.path, locateYamlPath(file, [...path, start ? 'recoveredAt' : 'occurredAt']), start ? 'recovery' : 'occurrence'),
          );
          continue;
        }
        const startMinutes = toEpochMinutes(start);
        const endMinutes = toEpochMinutes(end);
        const exact = isExact(start) && isExact(end);
        if (endMinutes < startMinutes || (exact && endMinutes === startMinutes)) {
          diagnostics.push(
            createDiagnostic('recovery-before-occurrence', file.path, locateYamlPath(file, [...path, 'recoveredAt']), {
              actual: knownValue(occurrence.recoveredAt)?.text,
              expected: knownValue(occurrence.occurredAt)?.text,
              same: endMinutes === startMinutes ? 'yes' : undefined,
            }),
          );
          continue;
        }
        const stated = knownValue(occurrence.duration)?.value;
        if (stated === undefined) continue;
        if (!exact) {
          diagnostics.push(
            skippedCheck(file.path, locateYamlPath(file, [...path, 'duration']), 'exactTimes'),
          );
          continue;
        }
        if (stated !== endMinutes - startMinutes) {
          diagnostics.push(
            createDiagnostic('duration-mismatch', file.path, locateYamlPath(file, [...path, 'duration']), {
              actual: formatDurationJa(stated),
              expected: formatDurationJa(endMinutes - startMinutes),
            }),
          );
        }
      }
    }
    return diagnostics;
  },
};
