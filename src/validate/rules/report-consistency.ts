import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { locateYamlPath } from '../../load/locate.js';
import type { Rule } from './rule.js';
import { listOccurrences } from '../../schema/occurrence-facts.js';
import { knownValue } from '../../model/uncertain.js';

/**
 * A masked date ("D1 12:00") needs `report.datesMasked`, which says the record's dates are not published; a
 * countermeasure names only causes the report defines; a record needs an operator unless it is a report.
 * OK:   report.datesMasked 平成, occurredAt "D1 12:00"; causes [{id: scale-1}], countermeasures[0].causes [scale-1]
 * Fail: occurredAt "D1 12:00" without datesMasked → masked-date-without-mask;
 *       countermeasures[0].causes [scale-9] → unknown-cause
 */
export const checkReportConsistency: Rule = {
  ids: ['masked-date-without-mask', 'unknown-cause', 'missing-operator'],
  perRecord: { kinds: ['incident'] },
  check(project) {
    const diagnostics: Diagnostic[] = [];
    for (const { file, data } of project.incidents.values()) {
      const masked = data.report?.datesMasked !== undefined;
      listOccurrences(data).forEach(({ occurrence, path }) => {
        for (const key of ['occurredAt', 'recoveredAt'] as const) {
          const value = knownValue(occurrence[key]);
          if (value && value.value.relativeDay !== undefined && !masked) {
            diagnostics.push(createDiagnostic('masked-date-without-mask', file.path, locateYamlPath(file, [...path, key]), { actual: value.text }));
          }
        }
      });
      if (!data.operators && !data.report) diagnostics.push(createDiagnostic('missing-operator', file.path, locateYamlPath(file, ['operators'])));
      const causeIds = new Set((data.report?.causes ?? []).map((c) => c.id));
      (data.report?.countermeasures ?? []).forEach((measure, index) => {
        (measure.causes ?? []).forEach((id, causeIndex) => {
          if (!causeIds.has(id)) {
            diagnostics.push(
              createDiagnostic('unknown-cause', file.path, locateYamlPath(file, ['report', 'countermeasures', index, 'causes', causeIndex]), {
                actual: id,
                expected: [...causeIds].join('、'),
              }),
            );
          }
        });
      });
    }
    return diagnostics;
  },
};
