import { mkdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BuildCaches, BuildOptions, BuildResult } from './build-result.js';
import { documentTypes, publishedTemplates } from './document-types.js';
import { emitPublication, type EmitContext } from './emit-publication.js';
import { planBuild } from './plan-build.js';
import { checkTemplates } from './render/check-templates.js';
import type { Project } from './project.js';
import { loadTemplates } from './render/handlebars-env.js';
import { fromTemplates } from './render/template-derived.js';
import { createSiteCaches } from './site/site-caches.js';
import { keptOf, type SiteContext } from './site/site-context.js';
import { writeSite } from './site/write-site.js';
import { hashToolCode } from './tool-code-hash.js';
import { DocxPool, poolSize } from './write/docx/docx-pool.js';
import type { StyleMap } from './write/docx/style-map.js';
import { DocxPackageShell } from './write/docx/package-shell.js';
import { checkLayout, compileLayout } from './write/html/write-html.js';
import { readManifest, recordOutputs, siteFiles, toolKey, writeManifest } from './write/manifest.js';
import { prepareOutputFolder } from './write/output-folder.js';
import { traceStep } from './step-trace.js';

export { outputFormats } from './build-result.js';
export type { BuildCaches, BuildOptions, BuildProgress, BuildResult, OutputFormat } from './build-result.js';

export function createBuildCaches(): BuildCaches {
  return { templates: new Map(), site: createSiteCaches() };
}

/**
 * Stages render → write for every valid, selected document, in three steps: plan what is due, emit each due
 * publication, write the site. A document with errors keeps its old outputs.
 */
export async function buildProject(project: Project, options: BuildOptions): Promise<BuildResult> {
  const caches = options.caches ?? createBuildCaches();
  const kinds = options.kinds ?? documentTypes;
  // A watch keeps what the templates folder gives while no event names it (template-derived.ts).
  const derived = caches.fromTemplates;
  // A watch's template set also keeps the markup of the Markdown it rendered (the same incidents on every save).
  const templates = fromTemplates(derived, 'templates', () => loadTemplates(options.templatesDir, caches.templates, caches.parseStore, { keepMarkdown: derived !== undefined }));
  const layoutFile = path.join(options.templatesDir, 'layout.html.hbs');
  const layout = await fromTemplates(derived, 'layout', () => readFile(layoutFile, 'utf8'));
  const result: BuildResult = { written: [], removed: [], kept: [], unchanged: [], skipped: [], diagnostics: [] };
  const outDir = path.resolve(options.cwd, options.outDir);
  // Made and swept once per session; a later build of the session only makes it again if it was removed meanwhile.
  if (caches.preparedOutDir !== outDir) await prepareOutputFolder(outDir), (caches.preparedOutDir = outDir);
  else mkdirSync(outDir, { recursive: true });
  const manifest = (caches.manifest ??= await readManifest(outDir));
  const shared = ['layout.html.hbs', siteFiles.stylesheet, siteFiles.fragmentStylesheet, 'style-map.json'].map((f) => path.join(options.templatesDir, f));
  const codeHash = await (caches.codeHash ?? hashToolCode());
  const keyFiles = await fromTemplates(derived, 'key-files', () => Promise.all(templates.files.concat(shared).map((f) => readFile(f))));
  const keyOptions = JSON.stringify({ formats: options.formats, fragment: options.fragment ?? false, fragmentHeading: options.fragmentHeading ?? 2 });
  // The same template bytes and code tables are the same objects while unchanged (template-derived.ts, read-codes.ts).
  const keyFrom = [codeHash, keyFiles, project.codes, keyOptions];
  if (!caches.toolKey || caches.toolKey.from.some((value, i) => value !== keyFrom[i])) caches.toolKey = { from: keyFrom, key: toolKey(codeHash, keyFiles, project.codes, keyOptions) };
  const key = caches.toolKey.key;
  traceStep('plan:key');
  const plan = planBuild(project, manifest, { kinds, only: options.only, force: options.force, outDir, toolKey: key, keys: caches.publicationKeys, changed: caches.changed });
  traceStep('plan:done');
  result.skipped.push(...plan.skipped);
  result.unchanged.push(...plan.unchanged);
  // The page shell is checked once, before anything is written: a broken layout keeps every output as it was.
  const layoutError = fromTemplates(derived, 'layout-error', () => checkLayout(layout, layoutFile));
  if (layoutError) {
    result.diagnostics.push(layoutError);
    for (const { publication } of plan.due) result.skipped.push({ id: publication.id, reason: 'template errors' });
    return result;
  }
  const wantsDocx = options.formats.includes('docx') || options.formats.includes('pdf');
  // The Word look is checked once, before anything is written: a broken style map keeps every output as it was.
  let styleMap: StyleMap | undefined;
  if (wantsDocx && plan.due.length > 0) {
    // Loaded when Word is asked for, once per state of the templates in a watch (as the rest of what they give).
    const read = await fromTemplates(derived, 'style-map', async () => {
      const { readStyleMap } = await import('./write/docx/read-style-map.js');
      return readStyleMap(options.templatesDir, path.relative(options.cwd, path.join(options.templatesDir, 'style-map.json')), caches.parseStore);
    });
    if (!read.styleMap) {
      result.diagnostics.push(...read.diagnostics);
      for (const { publication } of plan.due) result.skipped.push({ id: publication.id, reason: 'template errors' });
      return result;
    }
    // A new or edited style map, a new shell (an edited one takes effect in minutes watch); the shell's own style map
    // is the one written with (an equal map read again is another object). The code hash keys the shell's parts kept
    // on disk (shell-cache.ts): a build whose shell is known skips the docx package.
    const key = fromTemplates(derived, 'style-map-key', () => JSON.stringify(read.styleMap));
    if (caches.docxShell?.key !== key) caches.docxShell = { key, shell: new DocxPackageShell(read.styleMap, { codeHash }) };
    styleMap = caches.docxShell.shell.styleMap;
  }
  // The templates are checked once, before anything is written: mistakes found without rendering (check-templates.ts),
  // and, for Word, a class with no style (check-template-classes.ts). A broken template keeps every output as it was.
  const templateProblems = [...fromTemplates(derived, 'problems', () => checkTemplates(templates, caches.parseStore))];
  if (styleMap) {
    const map = styleMap;
    const classProblems = fromTemplates(derived, 'class-problems', async () => {
      const { checkTemplateClasses } = await import('./write/docx/check-template-classes.js');
      return checkTemplateClasses(templates, map, publishedTemplates(kinds));
    });
    templateProblems.push(...(await classProblems));
  }
  if (templateProblems.length > 0) {
    result.diagnostics.push(...templateProblems);
    for (const { publication } of plan.due) result.skipped.push({ id: publication.id, reason: 'template errors' });
    return result;
  }
  const size = options.workers === false ? 0 : Math.max(options.workers ? 1 : 0, poolSize(plan.due.length, os.availableParallelism()));
  const pool = wantsDocx ? (caches.docxPool ?? (size > 0 ? new DocxPool(size) : undefined)) : undefined;
  // The page shell compiled once for every page of the build (and kept by a watch while the templates are unchanged).
  const page = fromTemplates(derived, 'page-layout', () => compileLayout(layout));
  const emit: EmitContext = { outDir, dataDir: project.dataDir, formats: options.formats, templates, layout: page, styleMap, shell: styleMap && caches.docxShell?.shell, fragment: options.fragment ?? false, fragmentHeading: options.fragmentHeading, pool, writing: new Set(), renaming: new Set() };
  const figures = new Map<string, string>();
  const pdfSources: { docx: string; date?: string }[] = [];
  let site: SiteContext | undefined;
  let pending: Promise<void> = Promise.resolve();
  const ownPool = pool !== undefined && pool !== caches.docxPool;
  let poolOpen = ownPool;
  const closePool = async () => {
    if (poolOpen) (poolOpen = false), await pool!.close();
  };
  try {
    for (const [done, { publication, key: documentKey }] of plan.due.entries()) {
      const { id } = publication;
      options.onProgress?.({ stage: 'document', done, total: plan.due.length, id });
      const emitted = await emitPublication(publication, emit);
      result.diagnostics.push(...emitted.diagnostics);
      if (emitted.refused) {
        result.skipped.push({ id, reason: emitted.refused });
        continue;
      }
      for (const [absolute, name] of emitted.figures) figures.set(absolute, name);
      if (emitted.pdfSource) pdfSources.push(emitted.pdfSource);
      result.written.push(...emitted.written);
      // Nothing stale stays published: a PDF or fragment of the earlier record that this build does not make is removed.
      for (const name of recordOutputs(manifest, id, documentKey, emitted.outputs)) {
        await rm(path.join(outDir, name), { force: true });
        result.removed.push(path.join(outDir, name));
      }
    }
    traceStep('emit:done');
    // A document that was not built now keeps its listing from its last good build (last-good-state.ts).
    const current = new Set([...result.unchanged, ...plan.due.map((o) => o.publication.id).filter((id) => !result.skipped.some((s) => s.id === id))]);
    site = { project, kinds, templates, layout: page, outDir, result, manifest, current, caches: caches.site };
    result.kept = [...keptOf(site)];
    // A build's own Word writer threads finish and end before the site pages: the register is the largest
    // page (≈ 35 MB of transient heap at 1000 meetings), and the last few Word files take milliseconds, so a worker's
    // isolate (≈ 30 MB) is not kept alive beside it.
    const words = (async () => {
      await Promise.all([...emit.writing, ...emit.renaming]);
      await closePool();
    })();
    // What the site step waits for before the index (which states the size of every download): Word files and PDFs.
    pending = (async () => {
      await words;
      if (options.formats.includes('pdf')) {
        const { convertDocxToPdf } = await import('./write/convert-pdf.js');
        if (pdfSources.length) options.onProgress?.({ stage: 'pdf', total: pdfSources.length });
        if (pdfSources.length > 0) result.written.push(...(await convertDocxToPdf(pdfSources, outDir, styleMap!.fonts, options.libreOffice)));
      }
    })();
    // Its failure (a missing LibreOffice) is thrown where the site step waits for it, not as an unhandled rejection.
    pending.catch(() => undefined);
    // The pages are in place before the site step lists the output folder. Writer threads a session keeps (minutes
    // watch) are not ended: the register is written while they finish.
    await Promise.all(emit.renaming).catch(() => undefined);
    if (ownPool) await words.catch(() => undefined);
    traceStep('word:done');
    await writeSite(site, { pending, templatesDir: options.templatesDir, fragment: options.fragment ?? false, figures });
  } finally {
    await pending.catch(() => undefined);
    await closePool();
  }
  traceStep('site:done');
  // The run that wrote these outputs is recorded by its build session, which knows what it reported.
  delete manifest.run;
  await (caches.saveManifest ?? writeManifest)(outDir, manifest);
  return result;
}
