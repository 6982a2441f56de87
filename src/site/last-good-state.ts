import { idOf } from '../pipeline.js';
import type { Project } from '../project.js';
import { incidentIdsOfMeeting } from '../render/render-meeting.js';
import type { Manifest } from '../write/manifest.js';

/** Whether a meeting and every incident it shows are valid now, so that its listing can be made afresh. */
export function isCompleteMeeting(project: Project, id: string): boolean {
  const meeting = project.meetings.get(id);
  return meeting !== undefined && incidentIdsOfMeeting(meeting).every((ref) => project.incidents.has(ref));
}

/**
 * Documents that stay published as they last were because their inputs are broken now: an unreadable or invalid
 * meeting file, a broken incident it shows, or a record whose own document (an incident's report) is listed by title and whose file is broken. They keep their pages
 * and their rows on the index, the register and the chart (from the listing the manifest keeps), while their file
 * is still in data/. Sorted ids.
 */
export function keptFromLastGoodState(project: Project, manifest: Manifest, isComplete = (id: string) => isCompleteMeeting(project, id)): string[] {
  // Made only when some document is broken now (the file ids of every data file).
  let sourceIds: Set<string> | undefined;
  const hasSource = (id: string) => (sourceIds ??= new Set(project.files.map(idOf))).has(id);
  return Object.entries(manifest.meetings)
    .filter(([id, entry]) => {
      if (!entry.listing) return false;
      if (entry.listing.meeting) return !isComplete(id) && hasSource(id);
      const source = entry.listing.report?.incidentId;
      return source !== undefined && ![...project.records.values()].some((byId) => byId.has(source)) && hasSource(source);
    })
    .map(([id]) => id)
    .sort();
}
