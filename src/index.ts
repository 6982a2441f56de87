/**
 * The library API: what the CLI does, for programs (a CMS export, a batch job). Paths are relative to `cwd`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildResult, OutputFormat } from './build-result.js';
import { createBuildSession } from './build-session.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { loadProject } from './pipeline.js';
import { allDiagnostics } from './project.js';

export type { BuildResult, OutputFormat } from './build-result.js';
export { createBuildSession, type BuildSession, type SessionBuild, type SessionOptions } from './build-session.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
export type { DocTree } from './doc-tree/types.js';
export { formatDiagnosticsText, formatDiagnosticsJson } from './diagnostics/format-text.js';

export interface CheckOptions {
  cwd: string;
  /** The data folder (default "data"). */
  dataDir?: string;
}

export interface ConvertOptions extends CheckOptions {
  /** Where outputs go (default "output"). */
  outDir?: string;
  /** The templates folder (default: the tool's own templates/). */
  templatesDir?: string;
  formats?: OutputFormat[];
  force?: boolean;
}

const toolTemplates = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../templates');

/** Validates every file of the data folder; every problem of every file, none thrown. */
export async function check(options: CheckOptions): Promise<Diagnostic[]> {
  return allDiagnostics(await loadProject({ cwd: options.cwd, dataDir: options.dataDir ?? 'data' }));
}

/**
 * Validates and builds: every meeting (and report) without errors is written in the formats asked for. When every
 * input is as at the last run, with its outputs in place, nothing is parsed or written (`nothingChanged`), and the
 * problems that run reported are returned again.
 */
export async function convert(options: ConvertOptions): Promise<{ diagnostics: Diagnostic[]; result: BuildResult; nothingChanged: boolean }> {
  const session = createBuildSession({
    cwd: options.cwd,
    dataDir: options.dataDir ?? 'data',
    outDir: options.outDir ?? 'output',
    templatesDir: options.templatesDir ?? toolTemplates,
    formats: options.formats ?? ['html', 'docx'],
    force: options.force ?? false,
  });
  try {
    const { diagnostics, result, nothingChanged } = await session.rebuild();
    return { diagnostics, result, nothingChanged };
  } finally {
    await session.dispose();
  }
}
