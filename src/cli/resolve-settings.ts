import path from 'node:path';
import { outputFormats, type OutputFormat } from '../build.js';
import type { CommandSpec } from './command-specs.js';
import { UsageError, type RunSettings } from './cli-run.js';
import type { OptionValues } from './parse-command-line.js';
import type { ProjectConfig } from './project-config.js';

const DEFAULT_FORMATS: OutputFormat[] = ['html', 'docx'];

/**
 * Command-line options (relative to the folder the command ran in) over the configuration (relative to the project
 * root) over the built-in defaults (data/ and output/ at the project root, the tool's own templates).
 */
export function resolveSettings(command: CommandSpec, values: OptionValues, config: ProjectConfig, where: { cwd: string; root: string; toolTemplates: string }): RunSettings {
  const folder = (option: string, configured: string | undefined, fallback: string) => {
    const given = values[option];
    if (typeof given === 'string') return path.resolve(where.cwd, given);
    return path.resolve(where.root, configured ?? fallback);
  };
  const settings: RunSettings = {
    dataDir: folder('data', config.dataDir, 'data'),
    outDir: folder('out', config.outDir, 'output'),
    templatesDir: typeof values.templates === 'string' ? path.resolve(where.cwd, values.templates) : config.templatesDir ? path.resolve(where.root, config.templatesDir) : where.toolTemplates,
    formats: typeof values.format === 'string' ? parseFormats(values.format, command) : (config.formats ?? DEFAULT_FORMATS),
  };
  if (config.fragmentHeadingLevel !== undefined) settings.fragmentHeadingLevel = config.fragmentHeadingLevel;
  const libreOffice = typeof values.libreoffice === 'string' ? values.libreoffice : config.libreOffice;
  if (libreOffice !== undefined) settings.libreOffice = libreOffice.includes('/') ? path.resolve(typeof values.libreoffice === 'string' ? where.cwd : where.root, libreOffice) : libreOffice;
  return settings;
}

function parseFormats(value: string, command: CommandSpec): OutputFormat[] {
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of formats) {
    if (!(outputFormats as readonly string[]).includes(f)) {
      throw new UsageError({ ja: `--format に使えるのは ${outputFormats.join(', ')} です: ${f}`, en: `--format takes ${outputFormats.join(', ')}: ${f}` }, command);
    }
  }
  if (formats.length === 0) throw new UsageError({ ja: '--format に形式がありません', en: '--format names no format' }, command);
  return formats as OutputFormat[];
}
