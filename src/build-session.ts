import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProject, createBuildCaches } from './build.js';
import type { BuildCaches, BuildOptions, BuildResult } from './build-result.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { TEMPLATE_DIAGNOSTIC_IDS } from './diagnostics/catalog.js';
import { documentTypes } from './document-types.js';
import { ParseCache } from './load/read-source.js';
import { createLoadCaches, loadProject, type LoadCaches } from './pipeline.js';
import { allDiagnostics, diagnosticsOfInputs, type Project } from './project.js';
import { hashToolCode } from './tool-code-hash.js';
import { toolRootOf } from './tool-root.js';
import { openParseStore } from './load/parse-store.js';
import { DocxPool } from './write/docx/docx-pool.js';
import { presentSiteFiles, readManifest, runKey, unchangedRun, writeManifest } from './write/manifest.js';

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

export interface BuildSession {
  /** Loads, checks and builds what changed since the session's last build (or the output folder's last run). */
  rebuild(): Promise<SessionBuild>;
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
  return {
    async rebuild() {
      if (disposed) throw new Error('rebuild() called on a disposed build session');
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
      const project = await loadProject({ cwd: options.cwd, dataDir: options.dataDir, inputs: options.inputs, kinds, caches: load });
      const result = await buildProject(project, { ...options, only, kinds, caches: build });
      const diagnostics = [...diagnosticsOfInputs(allDiagnostics(project), only, options.cwd), ...result.diagnostics];
      const templateFailed = result.diagnostics.some((d) => TEMPLATE_DIAGNOSTIC_IDS.has(d.id));
      if (key !== undefined && !templateFailed) {
        manifest.run = { key, diagnostics, siteFiles: presentSiteFiles(outDir) };
        await writeManifest(outDir, manifest);
      }
      return { result, diagnostics, project, nothingChanged: false, templateFailed };
    },
    async dispose() {
      disposed = true;
      await build.docxPool?.close();
    },
  };
}

function newBuildCaches(options: SessionOptions): BuildCaches {
  // Word writers stay loaded between saves, so a save's Word file is written beside its HTML and site pages.
  const docxPool = options.keepAlive && options.formats.some((f) => f !== 'html') ? new DocxPool() : undefined;
  return { ...createBuildCaches(), ...(docxPool && { docxPool }) };
}

/** The options that decide what a run writes: part of its change key. */
function runOptions(options: SessionOptions, only: readonly string[]): unknown {
  const { formats, fragment = false, fragmentHeading = 2, dataDir, outDir } = options;
  return { formats, fragment, fragmentHeading, inputs: only, data: dataDir, out: outDir };
}

function emptyResult(): BuildResult {
  return { written: [], removed: [], kept: [], unchanged: [], skipped: [], diagnostics: [] };
}
