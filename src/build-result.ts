import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { DocumentKinds } from './document-types.js';
import type { TemplateMemo } from './render/handlebars-env.js';
import type { TemplateDerived } from './render/template-derived.js';
import type { ChangedPaths } from './load/changed-paths.js';
import type { PublicationKeyMemo } from './plan-build.js';
import type { SiteCaches } from './site/site-caches.js';
import type { DocxPackageShell } from './write/docx/package-shell.js';
import type { DocxPool } from './write/docx/docx-pool.js';
import type { Manifest } from './write/manifest.js';
import type { ParseStore } from './load/parse-store.js';

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
  /** Told before each document is rendered and before the PDF conversion (the CLI's progress line). */
  onProgress?: (event: BuildProgress) => void;
  /** The LibreOffice program that converts Word files to PDF (default: soffice on PATH). */
  libreOffice?: string;
  /** The kinds of document (default: documentTypes); the project must have been loaded with the same. */
  kinds?: DocumentKinds;
  /** What a build session keeps between its builds (build-session.ts); a build without one starts afresh. */
  caches?: BuildCaches;
}

/** Everything the build step remembers between the builds of one session: owned and disposed by the session. */
export interface BuildCaches {
  /** Compiled templates while no template changed. */
  templates: TemplateMemo;
  /** What the templates folder gives, kept by a watch while no event names that folder (render/template-derived.ts). */
  fromTemplates?: TemplateDerived;
  /** The key of what every document shares, with the values it was made from (the same objects while unchanged). */
  toolKey?: { from: readonly unknown[]; key: string };
  /** The output folder this session made and swept of a killed build's temp files (output-folder.ts), once. */
  preparedOutDir?: string;
  /** What may have changed in data/ since the session's last build, as a watch's events name it (changed-paths.ts). */
  changed?: ChangedPaths;
  /** The change keys of the session's last plan, reused while their texts are the same (plan-build.ts). */
  publicationKeys?: PublicationKeyMemo;
  /** Site pages, listed meeting views and the register of the last build. */
  site: SiteCaches;
  /** Word writer threads kept warm (minutes watch); the build does not close them. */
  docxPool?: DocxPool;
  /** The parts every Word file of the current style map shares, for the files written on this thread (package-shell.ts). */
  docxShell?: { key: string; shell: DocxPackageShell };
  /** The hash of the running code (it does not change while the session lives). */
  codeHash?: Promise<string>;
  /** Clean parses kept on disk between runs (the style map's), keyed by the running code (load/parse-store.ts). */
  parseStore?: ParseStore;
  /** The output folder's manifest, read by the session's first build and kept up to date by each. */
  manifest?: Manifest;
  /**
   * Saves the manifest at the end of a build (default: now). A watch saves it after the build has answered, off the
   * path from a save to its outputs; its next build and its end wait for that.
   */
  saveManifest?: (outDir: string, manifest: Manifest) => Promise<void>;
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
