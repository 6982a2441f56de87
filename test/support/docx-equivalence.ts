import { strFromU8, unzipSync } from 'fflate';
import path from 'node:path';
import { loadProject } from '../../src/pipeline.js';
import { listPublications } from '../../src/publications.js';
import { loadTemplates } from '../../src/render/handlebars-env.js';
import { resolveFigure } from '../../src/load/resolve-figure.js';
import type { DocTree } from '../../src/doc-tree/types.js';
import { DocxPackageShell } from '../../src/write/docx/package-shell.js';
import { writeDocx, type DocxOptions } from '../../src/write/docx/write-docx.js';
import { writeDocxReference } from './docx-reference/write-docx.js';

export interface WordDocument {
  id: string;
  tree: DocTree;
  options: Omit<DocxOptions, 'shell'>;
}

/** Every Word document a data folder publishes, rendered as the build renders it. */
export async function wordDocumentsOf(cwd: string, dataDir: string, templatesDir: string, styleMap: DocxOptions['styleMap']): Promise<WordDocument[]> {
  const project = await loadProject({ cwd, dataDir });
  const templates = loadTemplates(templatesDir);
  const documents: WordDocument[] = [];
  for (const publication of listPublications(project).publications) {
    const rendered = publication.render(templates);
    if (!rendered.tree) throw new Error(`${publication.id} did not render: ${rendered.diagnostics.map((d) => d.en).join('; ')}`);
    documents.push({
      id: publication.id,
      tree: rendered.tree,
      options: {
        styleMap,
        resolveFigure: (src) => resolveFigure(path.resolve(cwd, dataDir), src),
        charts: Object.fromEntries(rendered.charts ?? []),
        properties: rendered.properties,
      },
    });
  }
  return documents;
}

/**
 * The parts of a document as our writer writes them and as the docx package's object model writes them (the
 * reference), each as name → text (media as hex), in zip order: equal when the writers agree.
 */
export async function bothWriters(document: Pick<WordDocument, 'tree' | 'options'>, shell?: DocxPackageShell): Promise<{ ours: [string, string][]; reference: [string, string][] }> {
  const read = (bytes: Uint8Array): [string, string][] =>
    Object.entries(unzipSync(bytes)).map(([name, data]) => [name, /\.(xml|rels)$/.test(name) ? strFromU8(data) : Buffer.from(data).toString('hex')]);
  const [ours, reference] = await Promise.all([writeDocx(document.tree, { ...document.options, shell }), writeDocxReference(document.tree, document.options)]);
  return { ours: read(ours), reference: read(reference) };
}
