import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { locateYamlPath } from '../../load/locate.js';
import { formatDurationJa, parseDateTime, parseIsoDuration, toEpochMinutes } from '../../normalize/datetime.js';
import type { Rule } from './index.js';

/**
 * Each occurrence has a duration or a recovery time; recovery is after occurrence; a stated duration agrees
 * with recovery − occurrence.
 * OK:   occurredAt "2025-04-26 07:41", recoveredAt "2025-04-27 07:25", duration PT23H44M
 * Fail: recoveredAt "2025-04-26 07:00" → recovery-before-occurrence; duration PT23H40M → duration-mismatch
 */
export const checkOccurrences: Rule = {
  ids: ['missing-duration', 'recovery-before-occurrence', 'duration-mismatch'],
  check(project) {
    const diagnostics: Diagnostic[] = [];
    for (const { file, data } of project.incidents.values()) {
      data.occurrences.forEach((occurrence, index) => {
        const path = ['occurrences', index] as const;
        if (!occurrence.duration && !occurrence.recoveredAt) {
          diagnostics.push(createDiagnostic('missing-duration', file.path, locateYamlPath(file, path)));
          return;
        }
        if (!occurrence.recoveredAt) return;
        const start = toEpochMinutes(parseDateTime(occurrence.occurredAt)!);
        const end = toEpochMinutes(parseDateTime(occurrence.recoveredAt)!);
        if (end <= start) {
          diagnostics.push(
            createDiagnostic('recovery-before-occurrence', file.path, locateYamlPath(file, [...path, 'recoveredAt']), {
              actual: occurrence.recoveredAt,
              expected: occurrence.occurredAt,
            }),
          );
          return;
        }
        const stated = occurrence.duration ? parseIsoDuration(occurrence.duration) : undefined;
        if (stated !== undefined && stated !== end - start) {
          diagnostics.push(
            createDiagnostic('duration-mismatch', file.path, locateYamlPath(file, [...path, 'duration']), {
              actual: formatDurationJa(stated),
              expected: formatDurationJa(end - start),
            }),
          );
        }
      });
    }
    return diagnostics;
  },
};
