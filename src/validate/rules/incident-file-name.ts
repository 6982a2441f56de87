import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { locateYamlPath } from '../../load/locate.js';
import { toIsoDate } from '../../normalize/datetime.js';
import { firstOccurrenceStart, listOccurrences } from '../../normalize/occurrence-facts.js';
import type { Rule } from './index.js';

/**
 * An incident's file is named after its first occurrence: `<YYYY-MM-DD>-<operator slug>[-<n>].md`, so that the files
 * sort by date and a wrong date in either place shows. A record whose first date is masked or unknown is not checked.
 * OK:   incidents/2025-04-26-kubell.md with occurredAt "2025-04-26 07:41"
 * Fail: incidents/2025-04-27-kubell.md with occurredAt "2025-04-26 07:41" → incident-file-name (warning)
 */
export const checkIncidentFileName: Rule = {
  ids: ['incident-file-name'],
  check(project) {
    const diagnostics: Diagnostic[] = [];
    for (const { id, file, data } of project.incidents.values()) {
      const first = firstOccurrenceStart(data);
      if (!first || first.relativeDay !== undefined) continue;
      const expected = toIsoDate(first);
      if (id.startsWith(`${expected}-`)) continue;
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
