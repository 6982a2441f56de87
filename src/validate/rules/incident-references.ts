import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { locateYamlPath } from '../../load/locate.js';
import type { Rule } from './index.js';
import { suggestClosest } from '../suggest.js';

/**
 * Every incident a meeting names exists; an incident no meeting names is a warning.
 * OK:   agenda[2].incidents: [2025-04-26-kubell] with data/incidents/2025-04-26-kubell.md present
 * Fail: [2025-04-26-kubel] → unknown-incident (did you mean 2025-04-26-kubell?)
 */
export const checkIncidentReferences: Rule = {
  ids: ['unknown-incident', 'unused-incident'],
  check(project) {
    const diagnostics: Diagnostic[] = [];
    const used = new Set<string>();
    const known = [...project.incidents.keys()];
    for (const { file, data } of project.meetings.values()) {
      data.agenda.forEach((item, itemIndex) => {
        (item.incidents ?? []).forEach((ref, refIndex) => {
          const id = typeof ref === 'string' ? ref : ref.ref;
          used.add(id);
          if (project.incidents.has(id) || project.failedIds.has(id)) return;
          const path = ['agenda', itemIndex, 'incidents', refIndex, ...(typeof ref === 'string' ? [] : ['ref'])];
          diagnostics.push(
            createDiagnostic('unknown-incident', file.path, locateYamlPath(file, path), { actual: id, expected: suggestClosest(id, known) }),
          );
        });
      });
    }
    if (project.complete) {
      // An incident with a report is published on its own, so it is not lost when no meeting shows it.
      for (const { id, file, data } of project.incidents.values()) {
        if (!used.has(id) && !data.report) diagnostics.push(createDiagnostic('unused-incident', file.path, locateYamlPath(file, ['type'])));
      }
    }
    return diagnostics;
  },
};
