import { createDiagnostic, FILE_START, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DocTree } from '../doc-tree/types.js';
import { normalizeIncident, type IncidentView } from '../normalize/normalize-incident.js';
import { normalizeMeeting, type MeetingView } from '../normalize/normalize-meeting.js';
import { classTextLookup } from '../load/read-codes.js';
import type { IncidentRecord, MeetingRecord, Project } from '../project.js';
import { LineIndex } from '../load/line-index.js';
import { templateErrorDiagnostic, templateRange } from './check-templates.js';
import { dataMarkupRanges } from './data-markup.js';
import { TemplateError, type TemplateSet } from './handlebars-env.js';
import { markupToTree, type MarkupProblem } from './markup-to-tree.js';

export function incidentIdsOfMeeting(meeting: MeetingRecord): string[] {
  return meeting.data.agenda.flatMap((item) => (item.incidents ?? []).map((r) => (typeof r === 'string' ? r : r.ref)));
}

/**
 * Stage normalize for one meeting and the incidents it shows; `incidentView` gives an incident's view (a build session
 * may keep them by record: site-context.ts).
 */
export function viewMeeting(project: Project, meeting: MeetingRecord, incidentView: (id: string, record: IncidentRecord) => IncidentView = (id, record) => normalizeIncident(id, record.data, record.body, classTextLookup(project.codes))): MeetingView {
  const incidents = new Map<string, IncidentView>();
  for (const id of incidentIdsOfMeeting(meeting)) {
    const record = project.incidents.get(id);
    if (record) incidents.set(id, incidentView(id, record));
  }
  return normalizeMeeting(meeting.id, meeting.data, incidents);
}

/** The rendered template a markup came from: its problems outside the data's Markdown are blamed on it. */
export interface MarkupOrigin {
  templates: TemplateSet;
  name: string;
}

/**
 * Turns rendered markup into a DocTree. Markup outside the vocabulary is a diagnostic: on the data file `file` when it
 * came from a Markdown field, on the template otherwise (at its line where its start tag is written once in the
 * templates, else at the template's start). Without an origin, every problem is on `file`.
 */
export function markupToDocTree(markup: string, title: string, file: string, origin?: MarkupOrigin): { tree: DocTree; diagnostics: Diagnostic[] } {
  const { blocks, problems } = markupToTree(markup);
  const tree: DocTree = { title, lang: 'ja', blocks };
  if (problems.length === 0) return { tree, diagnostics: [] };
  const data = dataMarkupRanges(markup);
  const diagnostics = markupToTree(markup, { locate: true }).problems.map((p) => {
    const offset = p.at?.offset;
    const fromData = !origin || (offset !== undefined && data.some(([start, end]) => offset >= start && offset < end));
    return fromData
      ? createDiagnostic('unsupported-markup', file, FILE_START, {
          actual: `<${p.tag}> ${p.context}`,
          expected: 'Markdownで書ける範囲（段落・リスト・表・図・強調・リンク）に直してください。',
          hint: 'Use paragraphs, lists, tables, figures, emphasis and links only.',
        })
      : templateMarkupDiagnostic(p, origin);
  });
  return { tree, diagnostics };
}

/** A problem of the template's own markup, at the one place the templates write its start tag, if there is one. */
function templateMarkupDiagnostic(problem: MarkupProblem, origin: MarkupOrigin): Diagnostic {
  const rendered = origin.templates.sources.find((s) => !s.partial && s.name === origin.name);
  if (!rendered) throw new Error(`no template "${origin.name}" among the sources`);
  const candidates = origin.templates.sources.filter((s) => s === rendered || s.partial);
  const startTag = problem.at?.startTag;
  const places = startTag ? candidates.flatMap((source) => [...source.text.matchAll(new RegExp(escapeRegExp(startTag), 'g'))].map((m) => ({ source, offset: m.index }))) : [];
  const params = { actual: `<${problem.tag}> ${problem.context}`, expected: 'README の「Changing a template」にある書き方に直してください。', hint: 'See the README, "Changing a template".' };
  if (places.length !== 1) return createDiagnostic('template-markup', rendered.file, FILE_START, params);
  const [{ source, offset }] = places;
  return createDiagnostic('template-markup', source.file, templateRange(new LineIndex(source.text), offset, startTag!.length), params);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Renders a named template; a template mistake becomes a diagnostic located in the template file. */
export function renderTemplate(templates: TemplateSet, name: string, view: unknown): { markup?: string; diagnostics: Diagnostic[] } {
  try {
    return { markup: templates.render(name, view), diagnostics: [] };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { diagnostics: [templateErrorDiagnostic(error)] };
  }
}
