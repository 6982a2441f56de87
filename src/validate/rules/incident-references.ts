import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { locateYamlPath } from '../../load/locate.js';
import type { Rule } from './rule.js';
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
    for (const { file, data } of project.meetings.values()) {
      data.agenda.forEach((item, itemIndex) => {
        (item.incidents ?? []).forEach((ref, refIndex) => {
          const id = typeof ref === 'string' ? ref : ref.ref;
          used.add(id);
          if (project.incidents.has(id) || project.failedIds.has(id)) return;
          const path = ['agenda', itemIndex, 'incidents', refIndex, ...(typeof ref === 'string' ? [] : ['ref'])];
          diagnostics.push(
            createDiagnostic('unknown-incident', file.path, locateYamlPath(file, path), { actual: id, expected: suggestClosest(id, [...project.incidents.keys()]) }),
          );
        });
      });
    }
    // A meeting that failed its own checks still names its incidents: they are not unused. A file whose YAML could
    // not be read at all may be a meeting too, so then nothing is called unused.
    const validMeetingFiles = new Set([...project.meetings.values()].map((m) => m.file));
    let unreadable = false;
    for (const file of project.files) {
      if (validMeetingFiles.has(file)) continue;
      if (file.data === undefined || file.data === null) unreadable = true;
      else for (const id of referencesIn(file.data)) used.add(id);
    }
    if (project.complete && !unreadable) {
      // An incident with a report is published on its own, so it is not lost when no meeting shows it.
      for (const { id, file, data } of project.incidents.values()) {
        if (!used.has(id) && !data.report) diagnostics.push(createDiagnostic('unused-incident', file.path, locateYamlPath(file, ['type'])));
      }
    }
    return diagnostics;
  },
};

/** Incident ids named by a meeting's front matter that may not have passed its schema. */
function referencesIn(data: unknown): string[] {
  const record = data as { type?: unknown; agenda?: unknown };
  if (record.type !== 'meeting' || !Array.isArray(record.agenda)) return [];
  return record.agenda.flatMap((item: { incidents?: unknown }) =>
    Array.isArray(item?.incidents)
      ? item.incidents.map((ref: unknown) => (typeof ref === 'string' ? ref : String((ref as { ref?: unknown })?.ref ?? '')))
      : [],
  );
}
