import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { locateYamlPath } from '../../load/locate.js';
import { toIsoDate } from '../../model/date-time.js';
import { firstOccurrenceStart, listOccurrences } from '../../schema/occurrence-facts.js';
import type { Rule } from './rule.js';

/**
 * An incident's file is named after its first occurrence: `<YYYY-MM-DD>-<operator slug>[-<n>].md`, so that the files
 * sort by date; a leading date that differs from the first occurrence shows a wrong date in one of the two places. A
 * name without a leading date, and a record whose first date is masked or unknown, are not checked.
 * OK:   incidents/2025-04-26-kubell.md with occurredAt "2025-04-26 07:41"
 * Fail: incidents/2025-04-27-kubell.md with occurredAt "2025-04-26 07:41" → incident-file-name (warning)
 */
export const checkIncidentFileName: Rule = {
  ids: ['incident-file-name'],
  perRecord: { kinds: ['incident'] },
  check(project) {
    const diagnostics: Diagnostic[] = [];
    for (const { id, file, data } of project.incidents.values()) {
      const first = firstOccurrenceStart(data);
      if (!first || first.relativeDay !== undefined) continue;
      const expected = toIsoDate(first);
      // A name without a leading date is the editor's choice; a leading date must be the right one.
      if (!/^\d{4}-\d{2}-\d{2}(-|$)/.test(id) || id.startsWith(expected)) continue;
      const earliest = listOccurrences(data).find((o) => o.occurrence.occurredAt !== undefined);
      diagnostics.push(
        createDiagnostic('incident-file-name', file.path, locateYamlPath(file, [...(earliest?.path ?? ['occurrences']), 'occurredAt']), {
          actual: `${id}.md`,
          expected: `${expected}-<事業者>.md`,
        }),
      );
    }
    return diagnostics;
  },
};
