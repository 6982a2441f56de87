import { createDiagnostic, FILE_START, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DocTree } from '../doc-tree/types.js';
import { normalizeIncident, type IncidentView } from '../normalize/normalize-incident.js';
import { normalizeMeeting, type MeetingView } from '../normalize/normalize-meeting.js';
import { classTextLookup } from '../load/read-codes.js';
import type { MeetingRecord, Project } from '../project.js';
import { TemplateError, type TemplateSet } from './handlebars-env.js';
import { markupToTree } from './markup-to-tree.js';

export interface RenderedMeeting {
  view: MeetingView;
  tree?: DocTree;
  diagnostics: Diagnostic[];
  /** Ids of the incidents the meeting shows (its inputs besides itself). */
  incidentIds: string[];
}

export function incidentIdsOfMeeting(meeting: MeetingRecord): string[] {
  return meeting.data.agenda.flatMap((item) => (item.incidents ?? []).map((r) => (typeof r === 'string' ? r : r.ref)));
}

/** Stage normalize for one meeting and the incidents it shows. */
export function viewMeeting(project: Project, meeting: MeetingRecord): MeetingView {
  const incidents = new Map<string, IncidentView>();
  for (const id of incidentIdsOfMeeting(meeting)) {
    const record = project.incidents.get(id);
    if (record) incidents.set(id, normalizeIncident(id, record.data, record.body, classTextLookup(project.codes)));
  }
  return normalizeMeeting(meeting.id, meeting.data, incidents);
}

/** Turns rendered markup into a DocTree; markup outside the vocabulary becomes diagnostics on `file`. */
export function markupToDocTree(markup: string, title: string, file: string): { tree: DocTree; diagnostics: Diagnostic[] } {
  const { blocks, problems } = markupToTree(markup);
  const diagnostics = problems.map((p) =>
    createDiagnostic('unsupported-markup', file, FILE_START, {
      actual: `<${p.tag}> ${p.context}`,
      expected: 'Markdownで書ける範囲（段落・リスト・表・図・強調・リンク）に直してください。',
      hint: 'Use paragraphs, lists, tables, figures, emphasis and links only.',
    }),
  );
  return { tree: { title, lang: 'ja', blocks }, diagnostics };
}

/** Renders a named template; a template mistake becomes a diagnostic located in the template file. */
export function renderTemplate(templates: TemplateSet, name: string, view: unknown): { markup?: string; diagnostics: Diagnostic[] } {
  try {
    return { markup: templates.render(name, view), diagnostics: [] };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    const position = { line: error.line, column: error.column };
    return { diagnostics: [createDiagnostic('template-error', error.templatePath, { start: position, end: position }, { actual: error.message })] };
  }
}

/** Stages normalize → render → parse for one meeting. */
export function renderMeeting(project: Project, meeting: MeetingRecord, templates: TemplateSet): RenderedMeeting {
  const incidentIds = incidentIdsOfMeeting(meeting);
  const view = viewMeeting(project, meeting);
  const { markup, diagnostics: templateDiagnostics } = renderTemplate(templates, 'meeting', view);
  if (markup === undefined) return { view, incidentIds, diagnostics: templateDiagnostics };
  const { tree, diagnostics } = markupToDocTree(markup, view.title, meeting.file.path);
  return { view, incidentIds, diagnostics, tree };
}
