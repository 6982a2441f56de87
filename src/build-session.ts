import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProject, createBuildCaches } from './build.js';
import type { BuildCaches, BuildOptions, BuildResult } from './build-result.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { TEMPLATE_DIAGNOSTIC_IDS } from './diagnostics/catalog.js';
import { documentTypes } from './document-types.js';
import { ParseCache } from './load/read-source.js';
import { createLoadCaches, loadProject, prepareFiles, type LoadCaches } from './pipeline.js';
import { allDiagnostics, diagnosticsOfInputs, type Project } from './project.js';
import { hashToolCode } from './tool-code-hash.js';
import { toolRootOf } from './tool-root.js';
import { openParseStore } from './load/parse-store.js';
import { DocxPool } from './write/docx/docx-pool.js';
import { presentSiteFiles, readManifest, runKey, unchangedRun, writeManifest, type ManifestTexts } from './write/manifest.js';
import { createSiteCaches } from './site/site-caches.js';
import { traceStep } from './step-trace.js';

export interface SessionOptions extends Omit<BuildOptions, 'caches' | 'only'> {
  /** The data folder: every record in it is read, so references resolve. */
  dataDir: string;
  /** Files or folders named on the command line: read too, and the only documents built (empty: every one). */
  inputs?: readonly string[];
  /**
   * A long-lived session (minutes watch): parsed files and their syntax trees are kept between rebuilds, Word writer
   * threads stay warm, and every rebuild runs (no answer from the last run's record).
   */
  keepAlive?: boolean;
}

/** What one rebuild did. */
export interface SessionBuild {
  result: BuildResult;
  /** The problems of the files named (or of every file), then those of the build. */
  diagnostics: Diagnostic[];
  /** The project as loaded; undefined when nothing changed since the last run, which was answered from its record. */
  project?: Project;
  /** Every input was as at the last run, with its outputs in place: nothing was parsed or written. */
  nothingChanged: boolean;
  /** A template is broken: nothing was written, and the run is not recorded (the next one tries again). */
  templateFailed: boolean;
}

/** What changed since a session's last rebuild, as its caller knows it (a watch's folder events). */
export interface SessionChanges {
  /**
   * Absolute paths of the data files and folders that may have changed (a folder: anything below it). A data file
   * outside them is taken as it was at the last rebuild, without a stat.
   */
  data: ReadonlySet<string>;
  /** Whether anything in the templates folder may have changed: if not, what the last build read and checked there holds. */
  templates: boolean;
}

export interface BuildSession {
  /**
   * Loads, checks and builds what changed since the session's last build (or the output folder's last run). Without
   * `changes` (or on a session's first rebuild) every data file's size and times are checked.
   */
  rebuild(changes?: SessionChanges): Promise<SessionBuild>;
  /**
   * Reads and checks the data files named (absolute paths a watch's events named) ahead of the next rebuild, which
   * then finds them parsed unless they changed again (build-session keeps them only when it is long-lived).
   */
  prepare(paths: Iterable<string>): void;
  /** Resolves when what the last rebuild left running after it answered (a watch's save of the manifest) is done. */
  idle(): Promise<void>;
  /** Ends the session: closes its Word writer threads and drops every cache. */
  dispose(): Promise<void>;
}

/**
 * A build session, as esbuild's context(): it owns every cache of a build (parsed files, verdicts, code tables,
 * compiled templates, Markdown findings, site pages and views, the register), the Word writer threads and the
 * manifest, and passes them down explicitly. `minutes build` and convert() make a throwaway one; `minutes watch`
 * keeps one alive between saves; tests make their own.
 */
export function createBuildSession(options: SessionOptions): BuildSession {
  const kinds = options.kinds ?? documentTypes;
  const load: LoadCaches = { ...createLoadCaches(), ...(options.keepAlive && { parsed: new ParseCache() }) };
  const build: BuildCaches = newBuildCaches(options);
  const outDir = path.resolve(options.cwd, options.outDir);
  const only = (options.inputs ?? []).map((input) => path.resolve(options.cwd, input));
  let disposed = false;
  let builds = 0;
  // A watch saves its manifest (≈ 2 MB at 100 meetings) once the build has answered: the outputs are written by then,
  // and a manifest older than them only makes the next run build those documents again.
  let saving: Promise<void> = Promise.resolve();
  // A one-off build saves its manifest once, with the run's record, after what only a later rebuild would reuse is
  // dropped (≈ 28 MB at 1000 meetings: the register's files and the site pages, kept by the site caches).
  let manifestDue = false;
  if (options.keepAlive) {
    // The text of each entry the watch wrote, reused while the entry is as it was.
    const texts: ManifestTexts = new WeakMap();
    build.saveManifest = async (dir, manifest) => {
      saving = new Promise<void>((resolve) => setImmediate(resolve)).then(() => writeManifest(dir, manifest, texts));
    };
  } else {
    build.saveManifest = async () => {
      manifestDue = true;
    };
  }
  return {
    async rebuild(changes) {
      if (disposed) throw new Error('rebuild() called on a disposed build session');
      await saving;
      // The running code does not change while the session lives: hashed once.
      build.codeHash ??= hashToolCode();
      // A one-off build reads the manifest afresh (another process may have built meanwhile); a watch keeps its own.
      if (!options.keepAlive) build.manifest = undefined;
      const manifest = (build.manifest ??= await readManifest(outDir));
      const key = options.keepAlive ? undefined : await runKey(await build.codeHash, path.resolve(options.cwd, options.dataDir), options.templatesDir, runOptions(options, only));
      // A one-off build reads clean parses from the last runs' (a watch keeps its own, with their syntax trees).
      if (!options.keepAlive) load.store = build.parseStore ??= openParseStore(toolRootOf(fileURLToPath(import.meta.url)), await build.codeHash);
      const last = key !== undefined && !options.force ? unchangedRun(manifest, outDir, key) : undefined;
      if (last) return { result: emptyResult(), diagnostics: last.diagnostics, nothingChanged: true, templateFailed: false };
      // Files a watch saw no event for are taken as read before; the first rebuild has nothing earlier to trust.
      build.changed = builds++ > 0 ? changes?.data : undefined;
      if (load.parsed) load.parsed.changed = build.changed;
      if (!changes || changes.templates) build.fromTemplates?.clear();
      traceStep('load:start');
      const project = await loadProject({ cwd: options.cwd, dataDir: options.dataDir, inputs: options.inputs, kinds, caches: load });
      manifestDue = false;
      traceStep('load:rules');
      const result = await buildProject(project, { ...options, only, kinds, caches: build });
      if (!options.keepAlive) build.site = createSiteCaches();
      const diagnostics = [...diagnosticsOfInputs(allDiagnostics(project), only, options.cwd), ...result.diagnostics];
      const templateFailed = result.diagnostics.some((d) => TEMPLATE_DIAGNOSTIC_IDS.has(d.id));
      if (key !== undefined && !templateFailed) {
        manifest.run = { key, diagnostics, siteFiles: presentSiteFiles(outDir) };
        await writeManifest(outDir, manifest);
      } else if (manifestDue) {
        await writeManifest(outDir, manifest);
      }
      return { result, diagnostics, project, nothingChanged: false, templateFailed };
    },
    prepare(paths) {
      if (!disposed) prepareFiles(paths, { cwd: options.cwd, kinds, caches: load });
    },
    idle: () => saving,
    async dispose() {
      disposed = true;
      try {
        await saving;
      } finally {
        await build.docxPool?.close();
      }
    },
  };
}

function newBuildCaches(options: SessionOptions): BuildCaches {
  // Word writers stay loaded between saves, so a save's Word file is written beside its HTML and site pages.
  const docxPool = options.keepAlive && options.formats.some((f) => f !== 'html') ? new DocxPool() : undefined;
  return { ...createBuildCaches(), ...(docxPool && { docxPool }), ...(options.keepAlive && { fromTemplates: new Map(), publicationKeys: new Map() }) };
}

/** The options that decide what a run writes: part of its change key. */
function runOptions(options: SessionOptions, only: readonly string[]): unknown {
  const { formats, fragment = false, fragmentHeading = 2, dataDir, outDir } = options;
  return { formats, fragment, fragmentHeading, inputs: only, data: dataDir, out: outDir };
}

function emptyResult(): BuildResult {
  return { written: [], removed: [], kept: [], unchanged: [], skipped: [], diagnostics: [] };
}
