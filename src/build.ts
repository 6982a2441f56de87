import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DocxPool, POOL_THRESHOLD, PoolUnavailableError } from './write/docx/docx-pool.js';
import type { StyleMap } from './write/docx/style-map.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { DocTree } from './doc-tree/types.js';
import { checkTemplates } from './render/check-templates.js';
import { loadTemplates } from './render/handlebars-env.js';
import { writeIndex } from './site/write-index.js';
import type { SiteContext } from './site/site-context.js';
import { writeRegister } from './site/write-register.js';
import { keptFromLastGoodState } from './site/last-good-state.js';
import type { Project } from './project.js';
import { hashParts, isUpToDate, readManifest, staleOutputs, writeManifest } from './write/manifest.js';
import { listPublications, type Publication, type PublicationProperties } from './publications.js';
import { hashToolCode } from './tool-code-hash.js';
import { writeFileAtomic, writeIfChanged } from './write/atomic-write.js';
import { prepareOutputFolder } from './write/output-folder.js';
import { checkLayout, writeHtml, writeHtmlFragment } from './write/html/write-html.js';
import { resolveFigure } from './write/resolve-figure.js';
import { writeBarChartSvg, type BarChartData } from './write/svg/bar-chart.js';

export const outputFormats = ['html', 'docx', 'pdf'] as const;
export type OutputFormat = (typeof outputFormats)[number];

export interface BuildOptions {
  cwd: string;
  outDir: string;
  templatesDir: string;
  formats: readonly OutputFormat[];
  /** Absolute paths of the files/folders the user named; empty = every meeting. */
  only?: readonly string[];
  /** Also write each page's article body alone (<id>.fragment.html), for pasting into the ministry's CMS. */
  fragment?: boolean;
  /** Level of the fragment's section headings (its title is the CMS page's own h1): 1–6, default 2. */
  fragmentHeading?: number;
  /** Rebuild every selected meeting even if its inputs did not change. */
  force?: boolean;
  /** Write Word files in worker threads: by default when there are many and more than one core. */
  workers?: boolean;
  /** Word writer threads kept by a long-running process (minutes watch), already warm; the build does not close them. */
  docxPool?: DocxPool;
  /** The hash of the running code (tool-code-hash.ts), when the caller already has it (minutes watch). */
  toolCodeHash?: string;
  /** Told before each document is rendered and before the PDF conversion (the CLI's progress line). */
  onProgress?: (event: BuildProgress) => void;
  /** The LibreOffice program that converts Word files to PDF (default: soffice on PATH). */
  libreOffice?: string;
}

export type BuildProgress = { stage: 'document'; done: number; total: number; id: string } | { stage: 'pdf'; total: number };

export interface BuildResult {
  written: string[];
  /** Outputs of a rebuilt document that this build no longer makes (a format not asked for this time): removed. */
  removed: string[];
  /** Documents whose inputs are broken now, published as they last were (pages and site rows): last-good-state.ts. */
  kept: string[];
  /** Meetings whose inputs did not change since the last build. */
  unchanged: string[];
  skipped: { id: string; reason: string }[];
  diagnostics: Diagnostic[];
}

function isSelected(filePath: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((target) => filePath === target || filePath.startsWith(target + path.sep));
}

/** Stages render → write for every valid, selected meeting. A meeting with errors keeps its old outputs. */
export async function buildProject(project: Project, options: BuildOptions): Promise<BuildResult> {
  const templates = loadTemplates(options.templatesDir);
  const layout = await readFile(path.join(options.templatesDir, 'layout.html.hbs'), 'utf8');
  const stylesheet = await readFile(path.join(options.templatesDir, 'styles.css'));
  const result: BuildResult = { written: [], removed: [], kept: [], unchanged: [], skipped: [], diagnostics: [] };
  const outDir = path.resolve(options.cwd, options.outDir);
  await prepareOutputFolder(outDir);
  const manifest = await readManifest(outDir);
  const toolHash = hashParts([
    options.toolCodeHash ?? (await hashToolCode()),
    ...(await Promise.all(templates.files.concat(['layout.html.hbs', 'styles.css', 'fragment.css', 'style-map.json'].map((f) => path.join(options.templatesDir, f))).map((f) => readFile(f)))),
    JSON.stringify(project.codes),
    JSON.stringify({ formats: options.formats, fragment: options.fragment ?? false, fragmentHeading: options.fragmentHeading ?? 2 }),
  ]);
  const figures = new Map<string, string>();
  const pdfSources: { docx: string; date?: string }[] = [];
  const { publications, skipped } = listPublications(project);
  for (const { id, file } of skipped) if (isSelected(file.absolutePath, options.only)) result.skipped.push({ id, reason: 'errors' });
  // Which documents are out of date: only those are rendered and written.
  const outdated: { publication: Publication; hash: string }[] = [];
  for (const publication of publications) {
    // Naming an incident file rebuilds every document that shows it.
    const named = [publication.file, ...publication.incidents.map((record) => record.file)].some((file) => isSelected(file.absolutePath, options.only));
    if (!named) continue;
    const hash = publicationInputHash(project, publication, toolHash);
    if (!options.force && isUpToDate(manifest, publication.id, hash, outDir)) result.unchanged.push(publication.id);
    else outdated.push({ publication, hash });
  }
  // The page shell is checked once, before anything is written: a broken layout keeps every output as it was.
  const layoutError = checkLayout(layout, path.join(options.templatesDir, 'layout.html.hbs'));
  if (layoutError) {
    result.diagnostics.push(layoutError);
    for (const { publication } of outdated) result.skipped.push({ id: publication.id, reason: 'template errors' });
    return result;
  }
  const wantsDocx = options.formats.includes('docx') || options.formats.includes('pdf');
  // The Word look is checked once, before anything is written: a broken style map keeps every output as it was.
  let styleMap: StyleMap | undefined;
  if (wantsDocx && outdated.length > 0) {
    const { readStyleMap } = await import('./write/docx/read-style-map.js');
    const read = readStyleMap(options.templatesDir, path.relative(options.cwd, path.join(options.templatesDir, 'style-map.json')));
    if (!read.styleMap) {
      result.diagnostics.push(...read.diagnostics);
      for (const { publication } of outdated) result.skipped.push({ id: publication.id, reason: 'template errors' });
      return result;
    }
    styleMap = read.styleMap;
  }
  // The templates are checked once, before anything is written: mistakes found without rendering (check-templates.ts),
  // and, for Word, a class with no style (check-template-classes.ts). A broken template keeps every output as it was.
  const templateProblems = checkTemplates(templates);
  if (styleMap) templateProblems.push(...(await import('./write/docx/check-template-classes.js')).checkTemplateClasses(templates, styleMap));
  if (templateProblems.length > 0) {
    result.diagnostics.push(...templateProblems);
    for (const { publication } of outdated) result.skipped.push({ id: publication.id, reason: 'template errors' });
    return result;
  }
  const useWorkers = options.workers ?? (outdated.length >= POOL_THRESHOLD && os.availableParallelism() > 1);
  const pool = wantsDocx ? (options.docxPool ?? (useWorkers ? new DocxPool() : undefined)) : undefined;
  let site: SiteContext | undefined;
  /** Word files being written by the pool: at most a few per worker in flight, so memory stays flat. */
  const writing = new Set<Promise<void>>();
  try {
    for (const [done, { publication, hash }] of outdated.entries()) {
      const { id } = publication;
      options.onProgress?.({ stage: 'document', done, total: outdated.length, id });
      const rendered = publication.render(templates);
      result.diagnostics.push(...rendered.diagnostics);
      if (!rendered.tree || rendered.diagnostics.some((d) => d.severity === 'error')) {
        result.skipped.push({ id, reason: 'render errors' });
        continue;
      }
      const tree = rendered.tree;
      const charts = rendered.charts ?? new Map<string, BarChartData>();
      /** Figures the HTML page links to: copied to output/figures/ and recorded as outputs of this document. */
      const linkedFigures = new Set<string>();
      const figureUrl = (src: string) => {
        if (charts.has(src)) return src;
        const absolute = resolveFigure(project.dataDir, src);
        if (!absolute) return undefined;
        const name = `figures/${path.basename(absolute)}`;
        figures.set(absolute, name);
        linkedFigures.add(name);
        return name;
      };
      const context = { layout, styleMap, figureUrl, dataDir: project.dataDir, properties: rendered.properties, charts: Object.fromEntries(charts) };
      for (const [name, chart] of charts) await writeIfChanged(path.join(outDir, name), writeBarChartSvg(chart));
      const formats = options.formats.includes('pdf') && !options.formats.includes('docx') ? [...options.formats, 'docx' as const] : [...options.formats];
      // Word first: with a pool, its worker writes it while this thread writes the HTML.
      if (pool) formats.sort((x, y) => Number(y === 'docx') - Number(x === 'docx'));
      for (const format of formats) {
        if (format === 'pdf') continue;
        const target = path.join(outDir, `${id}.${format}`);
        if (format === 'docx' && pool) {
          const job = pool
            .write({ tree, styleMap: styleMap!, dataDir: project.dataDir, properties: rendered.properties, charts: context.charts })
            // A worker that ran out of memory on a very large document: the main thread writes it.
            .catch((error) => (error instanceof PoolUnavailableError ? (writeFormat('docx', tree, context) as Promise<Uint8Array>) : Promise.reject(error)));
          const done: Promise<void> = job.then((bytes) => writeFileAtomic(target, bytes)).finally(() => writing.delete(done));
          writing.add(done);
          if (writing.size >= 3 * 4) await Promise.race(writing);
        } else {
          await writeFileAtomic(target, await writeFormat(format, tree, context));
        }
        if (format === 'docx') pdfSources.push({ docx: target, date: rendered.properties.date });
        if (format !== 'docx' || options.formats.includes('docx')) result.written.push(target);
      }
      if (options.fragment) {
        const target = path.join(outDir, `${id}.fragment.html`);
        await writeFileAtomic(target, writeHtmlFragment(tree, { figureUrl, headingLevel: options.fragmentHeading }));
        result.written.push(target);
      }
      const outputs = [...options.formats.filter((f) => f !== 'pdf'), ...(options.formats.includes('pdf') ? ['pdf', 'docx'] : [])].map((f) => `${id}.${f}`);
      // A deleted output, a copied figure included, makes the document due again (and the figure copied again).
      const previous = manifest.meetings[id]?.outputs ?? [];
      manifest.meetings[id] = { hash, outputs: [...new Set(outputs)].concat(options.fragment ? [`${id}.fragment.html`] : [], [...charts.keys()], [...linkedFigures]) };
      // Nothing stale stays published: a PDF or fragment of the earlier record that this build does not make is removed.
      for (const name of staleOutputs(manifest, id, previous)) {
        await rm(path.join(outDir, name), { force: true });
        result.removed.push(path.join(outDir, name));
      }
    }
    // A document that was not built now keeps its listing from its last good build (last-good-state.ts).
    const current = new Set([...result.unchanged, ...outdated.map((o) => o.publication.id).filter((id) => !result.skipped.some((s) => s.id === id))]);
    site = { project, templates, layout, outDir, result, manifest, current };
    result.kept = keptFromLastGoodState(project, manifest);
    // The register names no file sizes: it is written while the Word files still are.
    if (site) await writeRegister(site);
    await Promise.all(writing);
  } finally {
    if (pool !== options.docxPool) await pool?.close();
  }
  if (options.formats.includes('pdf')) {
    const { convertDocxToPdf } = await import('./write/convert-pdf.js');
    if (pdfSources.length) options.onProgress?.({ stage: 'pdf', total: pdfSources.length });
    if (pdfSources.length > 0) result.written.push(...(await convertDocxToPdf(pdfSources, outDir, styleMap!.fonts, options.libreOffice)));
  }
  // The index states the size of every download, so it comes last.
  if (site) await writeIndex(site);
  await writeIfChanged(path.join(outDir, 'styles.css'), stylesheet);
  // The fragments' optional stylesheet, scoped to their wrapper class (see the README).
  if (options.fragment) await writeIfChanged(path.join(outDir, 'fragment.css'), await readFile(path.join(options.templatesDir, 'fragment.css')));
  for (const [absolute, name] of figures) await writeIfChanged(path.join(outDir, name), await readFile(absolute));
  // The run that wrote these outputs is recorded by its caller (cli.ts), which knows what it reported.
  delete manifest.run;
  await writeManifest(outDir, manifest);
  return result;
}


/** Hash of everything a document depends on: the tool, its own file, the incidents it shows and their figures. */
function publicationInputHash(project: Project, publication: Publication, toolHash: string): string {
  const incidentTexts = publication.incidents.map((record) => {
    const id = record.id;
    const figures = [...record.file.text.matchAll(/\]\(([^)\s]+)/g)]
      .map((m) => resolveFigure(project.dataDir, m[1]))
      .filter((f): f is string => f !== undefined)
      .map((f) => readFileSync(f));
    return hashParts([id, record.file.text, ...figures]);
  });
  return hashParts([toolHash, publication.file.text, ...incidentTexts]);
}


interface WriteContext {
  layout: string;
  /** Present whenever Word is written. */
  styleMap?: StyleMap;
  figureUrl: (src: string) => string | undefined;
  dataDir: string;
  properties: PublicationProperties;
  charts: Record<string, BarChartData>;
}

async function writeFormat(format: 'html' | 'docx', tree: DocTree, context: WriteContext): Promise<string | Uint8Array> {
  if (format === 'html') {
    return writeHtml(tree, { layout: context.layout, stylesheet: 'styles.css', indexHref: 'index.html', figureUrl: context.figureUrl });
  }
  // The Word writer is loaded only when Word is asked for: it pulls in the docx package.
  const { writeDocx } = await import('./write/docx/write-docx.js');
  return writeDocx(tree, {
    styleMap: context.styleMap!,
    resolveFigure: (src) => resolveFigure(context.dataDir, src),
    charts: context.charts,
    properties: context.properties,
  });
}
