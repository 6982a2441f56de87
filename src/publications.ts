import path from 'node:path';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { DocTree } from './doc-tree/types.js';
import type { SourceFile } from './load/source-file.js';
import { fileHasErrors, type IncidentRecord, type Project } from './project.js';
import type { TemplateSet } from './render/handlebars-env.js';
import { incidentIdsOfMeeting, renderMeeting } from './render/render-meeting.js';
import { renderReport, reportIdOf } from './render/render-report.js';

/** Document properties of a publication (the Word core properties; the HTML title). */
export interface PublicationProperties {
  title: string;
  subject: string;
  creator: string;
  /** ISO date the document is dated; undefined when the record's dates are not published. */
  date?: string;
}

export interface RenderedPublication {
  tree?: DocTree;
  /** Files generated with the document (charts), by output name; figures name them as their source. */
  assets?: Map<string, string>;
  diagnostics: Diagnostic[];
  properties: PublicationProperties;
}

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

/** Every document the project publishes, in file order. */
export function listPublications(project: Project): PublicationList {
  const list: PublicationList = { publications: [], skipped: [] };
  for (const file of project.files) {
    const id = path.basename(file.absolutePath, '.md');
    if (typeOf(file) === 'meeting') {
      const meeting = project.meetings.get(id);
      if (!meeting || fileHasErrors(file)) {
        list.skipped.push({ id, file, reason: 'errors' });
        continue;
      }
      const refs = incidentIdsOfMeeting(meeting);
      const broken = refs.find((ref) => !project.incidents.has(ref));
      if (broken) {
        list.skipped.push({ id, file, reason: `incident ${broken}` });
        continue;
      }
      list.publications.push({
        id,
        file,
        incidents: refs.map((ref) => project.incidents.get(ref)!),
        render: (templates) => {
          const rendered = renderMeeting(project, meeting, templates);
          const v = rendered.view;
          return {
            ...(rendered.tree && { tree: rendered.tree }),
            diagnostics: rendered.diagnostics,
            properties: { title: v.title, subject: `${v.committee} ${v.fiscalYearLabel}第${v.number}回`, creator: `${v.committee}事務局`, date: v.isoDate },
          };
        },
      });
    } else if (typeOf(file) === 'incident' && (file.data as { report?: unknown }).report !== undefined) {
      const record = project.incidents.get(id);
      if (!record || fileHasErrors(file)) {
        list.skipped.push({ id: reportIdOf(id), file, reason: 'errors' });
        continue;
      }
      list.publications.push({ id: reportIdOf(id), file, incidents: [record], render: (templates) => renderReport(record, templates) });
    }
  }
  return list;
}
