import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { outputFormats } from '../build.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseStructuredFile } from '../load/read-source.js';
import { validateFrontMatter } from '../validate/validate-front-matter.js';

export const CONFIG_FILE = 'minutes.config.json';

/** minutes.config.json: the project's defaults. Paths are relative to the folder that holds it. */
export const projectConfigSchema = z
  .object({
    $schema: z.string().optional(),
    $comment: z.string().optional(),
    dataDir: z.string().min(1).optional(),
    outDir: z.string().min(1).optional(),
    templatesDir: z.string().min(1).optional(),
    formats: z.array(z.enum(outputFormats)).min(1).optional(),
    lang: z.enum(['ja', 'en']).optional(),
    /** The level of the first heading of <meeting>.fragment.html (the CMS page has its own h1). */
    fragmentHeadingLevel: z.number().int().min(1).max(6).optional(),
    libreOffice: z.string().min(1).optional(),
  })
  .strict();

export type ProjectConfig = z.infer<typeof projectConfigSchema>;

export interface ProjectRoot {
  root: string;
  /** Absolute path of minutes.config.json, when the root has one. */
  configFile?: string;
}

/**
 * The project a command works on: the nearest folder, from `start` upward, that holds minutes.config.json or a data/
 * folder (so the tool works from data/meetings/ as from the root). `start` itself when there is none.
 */
export function findProjectRoot(start: string): ProjectRoot {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const configFile = path.join(dir, CONFIG_FILE);
    if (existsSync(configFile)) return { root: dir, configFile };
    if (isDirectory(path.join(dir, 'data'))) return { root: dir };
    if (path.dirname(dir) === dir) return { root: path.resolve(start) };
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Reads and checks the configuration like a data file: every problem is a located diagnostic on it. */
export function readProjectConfig(configFile: string, shownPath: string): { config?: ProjectConfig; diagnostics: Diagnostic[] } {
  const file = parseStructuredFile(shownPath, configFile, readFileSync(configFile, 'utf8'));
  if (file.diagnostics.length) return { diagnostics: file.diagnostics };
  const { value, diagnostics } = validateFrontMatter<ProjectConfig>(file, projectConfigSchema);
  return value ? { config: value, diagnostics: [] } : { diagnostics };
}
