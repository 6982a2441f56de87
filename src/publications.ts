import path from 'node:path';
import type { SourceFile } from './load/source-file.js';
import { fileHasErrors, type IncidentRecord, type Project } from './project.js';
import type { TemplateSet } from './render/handlebars-env.js';
import type { RenderedPublication } from './render/rendered-publication.js';
import { incidentIdsOfMeeting, renderMeeting } from './render/render-meeting.js';
import { renderReport } from './render/render-report.js';
import { reportIdOf } from './normalize/normalize-report.js';

export type { PublicationProperties, RenderedPublication } from './render/rendered-publication.js';

/** One document the build writes (output/<id>.html, .docx): a meeting's minutes or an incident's report. */
export interface Publication {
  id: string;
  /** The file it is built from: selection on the command line, and where its problems are reported. */
  file: SourceFile;
  /** The incident records it shows, besides its own file (inputs of the incremental build). */
  incidents: IncidentRecord[];
  render(templates: TemplateSet): RenderedPublication;
}

export interface PublicationList {
  publications: Publication[];
  /** Documents that cannot be built now: their old outputs stay as they are. */
  skipped: { id: string; file: SourceFile; reason: string }[];
}

const typeOf = (file: SourceFile) => (file.data as { type?: string } | undefined)?.type;

/** What a kind of document is built from, and how: one entry per published document type. */
interface PublicationKind {
  /** The front matter `type` of the files it is built from. */
  sourceType: string;
  /** Whether a file of that type publishes this kind (an incident publishes a report only when it has one). */
  publishes(file: SourceFile): boolean;
  /** The publication, or why it cannot be built now. */
  plan(project: Project, id: string, file: SourceFile): Publication | { id: string; reason: string };
}

const meetingMinutes: PublicationKind = {
  sourceType: 'meeting',
  publishes: () => true,
  plan(project, id, file) {
    const meeting = project.meetings.get(id);
    if (!meeting || fileHasErrors(file)) return { id, reason: 'errors' };
    const refs = incidentIdsOfMeeting(meeting);
    const broken = refs.find((ref) => !project.incidents.has(ref));
    if (broken) return { id, reason: `incident ${broken}` };
    return {
      id,
      file,
      incidents: refs.map((ref) => project.incidents.get(ref)!),
      render: (templates) => {
        const rendered = renderMeeting(project, meeting, templates);
        const v = rendered.view;
        return {
          ...(rendered.tree && { tree: rendered.tree }),
          diagnostics: rendered.diagnostics,
          properties: { title: v.title, subject: `${v.committee} ${v.fiscalYearLabel}${v.numberLabel}`, creator: `${v.committee}事務局`, date: v.isoDate },
        };
      },
    };
  },
};

const incidentReport: PublicationKind = {
  sourceType: 'incident',
  publishes: (file) => (file.data as { report?: unknown }).report !== undefined,
  plan(project, id, file) {
    const record = project.incidents.get(id);
    if (!record || fileHasErrors(file)) return { id: reportIdOf(id), reason: 'errors' };
    return { id: reportIdOf(id), file, incidents: [record], render: (templates) => renderReport(record, templates) };
  },
};

/** Registry of published document types. A new one is an entry here, plus its schema, normalize step and template. */
export const publicationKinds: readonly PublicationKind[] = [meetingMinutes, incidentReport];

/** Every document the project publishes, in file order. */
export function listPublications(project: Project): PublicationList {
  const list: PublicationList = { publications: [], skipped: [] };
  for (const file of project.files) {
    const id = path.basename(file.absolutePath, '.md');
    for (const kind of publicationKinds) {
      if (typeOf(file) !== kind.sourceType || !kind.publishes(file)) continue;
      const planned = kind.plan(project, id, file);
      if ('render' in planned) list.publications.push(planned);
      else list.skipped.push({ ...planned, file });
    }
  }
  return list;
}
