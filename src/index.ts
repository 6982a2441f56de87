/**
 * The library API: what the CLI does, for programs (a CMS export, a batch job). Paths are relative to `cwd`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProject, type BuildResult, type OutputFormat } from './build.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { loadProject } from './pipeline.js';
import { allDiagnostics } from './project.js';

export type { BuildResult, OutputFormat } from './build.js';
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

/** Validates and builds: every meeting (and report) without errors is written in the formats asked for. */
export async function convert(options: ConvertOptions): Promise<{ diagnostics: Diagnostic[]; result: BuildResult }> {
  const project = await loadProject({ cwd: options.cwd, dataDir: options.dataDir ?? 'data' });
  const result = await buildProject(project, {
    cwd: options.cwd,
    outDir: options.outDir ?? 'output',
    templatesDir: options.templatesDir ?? toolTemplates,
    formats: options.formats ?? ['html', 'docx'],
    force: options.force ?? false,
  });
  return { diagnostics: [...allDiagnostics(project), ...result.diagnostics], result };
}
