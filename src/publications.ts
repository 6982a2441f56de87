import { documentTypes, type AnyDocumentKind, type DocumentKinds } from './document-types.js';
import type { SourceFile } from './load/source-file.js';
import { idOf } from './pipeline.js';
import { fileHasErrors, type Project, type SourceRecord } from './project.js';
import type { TemplateSet } from './render/handlebars-env.js';
import type { RenderedPublication } from './render/rendered-publication.js';
import { markupToDocTree, renderTemplate } from './render/render-meeting.js';

export type { PublicationProperties, RenderedPublication } from './render/rendered-publication.js';

/** One document the build writes (output/<id>.html, .docx): a meeting's minutes, an incident's report, … */
export interface Publication {
  id: string;
  /** The file it is built from: selection on the command line, and where its problems are reported. */
  file: SourceFile;
  /** The other records it shows, besides its own file (inputs of the incremental build). */
  shows: SourceRecord[];
  render(templates: TemplateSet): RenderedPublication;
}

export interface PublicationList {
  publications: Publication[];
  /** Documents that cannot be built now: their old outputs stay as they are. */
  skipped: { id: string; file: SourceFile; reason: string }[];
}

const typeOf = (file: SourceFile) => (file.data as { type?: unknown } | undefined)?.type;

/** Every document the project publishes, in file order, as its kind says (document-types.ts). */
export function listPublications(project: Project, kinds: DocumentKinds = documentTypes): PublicationList {
  const list: PublicationList = { publications: [], skipped: [] };
  for (const file of project.files) {
    const type = typeOf(file);
    if (typeof type !== 'string' || !Object.hasOwn(kinds, type)) continue;
    const publication = kinds[type].publication;
    if (!publication || !publishes(kinds[type], file)) continue;
    const id = idOf(file);
    const outputId = publication.outputId(id);
    const record = project.records.get(type)?.get(id);
    if (!record || fileHasErrors(file)) {
      list.skipped.push({ id: outputId, file, reason: 'errors' });
      continue;
    }
    const refs = publication.shows?.(record) ?? [];
    const shown = refs.map((ref) => findRecord(project, ref));
    const broken = refs.find((_, i) => shown[i] === undefined);
    if (broken !== undefined) list.skipped.push({ id: outputId, file, reason: `shows ${broken}` });
    else list.publications.push({ id: outputId, file, shows: shown as SourceRecord[], render: (templates) => renderPublication(project, kinds[type], record, outputId, templates) });
  }
  return list;
}

/**
 * Whether a file publishes its kind's document: a file that did not validate is asked by its raw front matter (an
 * incident with a `report` stays a report, skipped for its errors, so its old outputs are kept).
 */
function publishes(kind: AnyDocumentKind, file: SourceFile): boolean {
  return kind.publication?.publishes?.(file.data) ?? true;
}

function findRecord(project: Project, id: string): SourceRecord | undefined {
  for (const byId of project.records.values()) {
    const record = byId.get(id);
    if (record) return record;
  }
  return undefined;
}

/** The one render path of every kind: normalize → template → markup → DocTree, with the document's properties and charts. */
export function renderPublication(project: Project, kind: AnyDocumentKind, record: SourceRecord, outputId: string, templates: TemplateSet): RenderedPublication {
  const publication = kind.publication;
  if (!publication) throw new Error(`renderPublication called for ${record.id}, whose kind publishes nothing`);
  const view = publication.normalize(project, record, outputId);
  const properties = publication.properties(view, record);
  const { markup, diagnostics: templateDiagnostics } = renderTemplate(templates, publication.template, view);
  if (markup === undefined) return { properties, diagnostics: templateDiagnostics };
  const { tree, diagnostics } = markupToDocTree(markup, publication.title(view), record.file.path, { templates, name: publication.template });
  const charts = publication.charts?.(view, record);
  return { tree, diagnostics, properties, ...(charts && { charts }) };
}
