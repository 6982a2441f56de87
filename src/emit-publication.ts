import path from 'node:path';
import type { OutputFormat } from './build-result.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { DocTree } from './doc-tree/types.js';
import type { Publication, PublicationProperties } from './publications.js';
import type { TemplateSet } from './render/handlebars-env.js';
import { writeFileAtomic, writeIfChanged } from './write/atomic-write.js';
import { PoolUnavailableError, type DocxPool } from './write/docx/docx-pool.js';
import type { StyleMap } from './write/docx/style-map.js';
import type { DocxPackageShell } from './write/docx/package-shell.js';
import { writeHtml, writeHtmlFragment, type PageLayout } from './write/html/write-html.js';
import { resolveFigure } from './load/resolve-figure.js';
import { siteFiles } from './write/manifest.js';
import { writeBarChartSvg, type BarChartData } from './write/svg/bar-chart.js';
import { traceStep } from './step-trace.js';

/** What every document of one build is written with. */
export interface EmitContext {
  outDir: string;
  dataDir: string;
  formats: readonly OutputFormat[];
  templates: TemplateSet;
  layout: string | PageLayout;
  /** Present whenever Word is written. */
  styleMap?: StyleMap;
  /** The parts every Word file of the style map shares, for the files written on this thread. */
  shell?: DocxPackageShell;
  fragment: boolean;
  fragmentHeading?: number;
  /** Word writer threads; without them the Word file is written on this thread. */
  pool?: DocxPool;
  /** Word files being written by the pool: at most a few per worker in flight, so memory stays flat. */
  writing: Set<Promise<void>>;
  /** Pages written whose rename over the old file is still running (atomic-write.ts): awaited with `writing`. */
  renaming: Set<Promise<void>>;
}

/** What emitting one publication did. */
export interface Emitted {
  diagnostics: Diagnostic[];
  /** Why nothing was written (its old outputs stay), if so. */
  refused?: string;
  /** Files written (a Word file in a worker may still be being written: await the context's `writing`). */
  written: string[];
  /** Every output name of the document, as the manifest records it (formats, fragment, charts, figures). */
  outputs: string[];
  /** Figures the page links to: data file → output name, copied by the site step. */
  figures: Map<string, string>;
  /** The Word file a PDF is made from, with the document's date. */
  pdfSource?: { docx: string; date?: string };
}

/** Step emit: renders one publication and writes its outputs in the formats asked for. */
export async function emitPublication(publication: Publication, context: EmitContext): Promise<Emitted> {
  const { id } = publication;
  const { outDir, formats: asked } = context;
  const rendered = publication.render(context.templates);
  const emitted: Emitted = { diagnostics: rendered.diagnostics, written: [], outputs: [], figures: new Map() };
  if (!rendered.tree || rendered.diagnostics.some((d) => d.severity === 'error')) return { ...emitted, refused: 'render errors' };
  const tree = rendered.tree;
  traceStep('emit:render');
  const charts = rendered.charts ?? new Map<string, BarChartData>();
  /** Figures the HTML page links to: copied to output/figures/ and recorded as outputs of this document. */
  const figureUrl = (src: string) => {
    if (charts.has(src)) return src;
    const absolute = resolveFigure(context.dataDir, src);
    if (!absolute) return undefined;
    const name = `figures/${path.basename(absolute)}`;
    emitted.figures.set(absolute, name);
    return name;
  };
  const writeContext = { layout: context.layout, styleMap: context.styleMap, shell: context.shell, figureUrl, dataDir: context.dataDir, properties: rendered.properties, charts: Object.fromEntries(charts) };
  for (const [name, chart] of charts) await writeIfChanged(path.join(outDir, name), writeBarChartSvg(chart));
  traceStep('emit:charts');
  const formats = asked.includes('pdf') && !asked.includes('docx') ? [...asked, 'docx' as const] : [...asked];
  const { pool } = context;
  // Word first: with a pool, its worker writes it while this thread writes the HTML.
  if (pool) formats.sort((x, y) => Number(y === 'docx') - Number(x === 'docx'));
  for (const format of formats) {
    if (format === 'pdf') continue;
    const target = path.join(outDir, `${id}.${format}`);
    if (format === 'docx' && pool) {
      const job = pool
        .write({ tree, styleMap: context.styleMap!, shell: await context.shell?.parts(), dataDir: context.dataDir, properties: rendered.properties, charts: writeContext.charts })
        // A worker that ran out of memory on a very large document: the main thread writes it.
        .catch((error) => (error instanceof PoolUnavailableError ? (writeFormat('docx', tree, writeContext) as Promise<Uint8Array>) : Promise.reject(error)));
      const done: Promise<void> = job.then((bytes) => writeFileAtomic(target, bytes)).finally(() => context.writing.delete(done));
      context.writing.add(done);
      done.catch(() => undefined);
      traceStep('emit:docx-sent');
      if (context.writing.size >= pool.inFlightLimit) await Promise.race(context.writing);
    } else {
      const written = writeFileAtomic(target, await writeFormat(format, tree, writeContext)).finally(() => context.renaming.delete(written));
      context.renaming.add(written);
      // Its failure is thrown where the build awaits it, not as an unhandled rejection meanwhile.
      written.catch(() => undefined);
      traceStep('emit:html-written');
    }
    if (format === 'docx') emitted.pdfSource = { docx: target, date: rendered.properties.date };
    if (format !== 'docx' || asked.includes('docx')) emitted.written.push(target);
  }
  if (context.fragment) {
    const target = path.join(outDir, `${id}.fragment.html`);
    await writeFileAtomic(target, writeHtmlFragment(tree, { figureUrl, headingLevel: context.fragmentHeading }));
    emitted.written.push(target);
  }
  const outputs = [...asked.filter((f) => f !== 'pdf'), ...(asked.includes('pdf') ? ['pdf', 'docx'] : [])].map((f) => `${id}.${f}`);
  emitted.outputs = [...new Set(outputs)].concat(context.fragment ? [`${id}.fragment.html`] : [], [...charts.keys()], [...new Set(emitted.figures.values())]);
  return emitted;
}

interface WriteContext {
  layout: string | PageLayout;
  /** Present whenever Word is written. */
  styleMap?: StyleMap;
  shell?: DocxPackageShell;
  figureUrl: (src: string) => string | undefined;
  dataDir: string;
  properties: PublicationProperties;
  charts: Record<string, BarChartData>;
}

async function writeFormat(format: 'html' | 'docx', tree: DocTree, context: WriteContext): Promise<string | Uint8Array> {
  if (format === 'html') {
    return writeHtml(tree, { layout: context.layout, stylesheet: siteFiles.stylesheet, indexHref: siteFiles.index, figureUrl: context.figureUrl });
  }
  // The Word writer is loaded only when Word is asked for: it pulls in the docx package.
  const { writeDocx } = await import('./write/docx/write-docx.js');
  return writeDocx(tree, {
    styleMap: context.styleMap!,
    shell: context.shell,
    resolveFigure: (src) => resolveFigure(context.dataDir, src),
    charts: context.charts,
    properties: context.properties,
  });
}
