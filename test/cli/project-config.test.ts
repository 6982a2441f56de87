import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCommand } from '../../src/cli/command-specs.js';
import { findProjectRoot, readProjectConfig } from '../../src/cli/project-config.js';
import { resolveSettings } from '../../src/cli/resolve-settings.js';
import { runReportJsonSchema } from '../../src/cli/run-report.js';
import { repoRoot } from '../support/build-bundled.js';

describe('the project root', () => {
  it('is found upward from a subfolder by its data/ folder, or by minutes.config.json first', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'minutes-root-'));
    await mkdir(path.join(root, 'data/meetings'), { recursive: true });
    expect(findProjectRoot(path.join(root, 'data/meetings'))).toEqual({ root });
    expect(findProjectRoot(path.join(root, 'data'))).toEqual({ root });
    await writeFile(path.join(root, 'data/minutes.config.json'), '{}');
    expect(findProjectRoot(path.join(root, 'data/meetings'))).toEqual({ root: path.join(root, 'data'), configFile: path.join(root, 'data/minutes.config.json') });
  });
});

describe('minutes.config.json', () => {
  it('reports each problem at its line and column, like the data', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-config-'));
    const file = path.join(dir, 'minutes.config.json');
    await writeFile(file, '{\n  "outDir": "site",\n  "formats": ["html", "odt"],\n  "langauge": "en"\n}\n');
    const { config, diagnostics } = readProjectConfig(file, 'minutes.config.json');
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => `${d.file}:${d.start.line}:${d.start.column} ${d.id}`)).toEqual([
      'minutes.config.json:3:23 invalid-value',
      'minutes.config.json:4:3 unknown-field',
    ]);
    // The closing brace is missing: reported where it was expected, at the end.
    await writeFile(file, '{\n  "outDir": "site"\n');
    expect(readProjectConfig(file, 'minutes.config.json').diagnostics[0]).toMatchObject({ id: 'yaml-syntax', start: { line: 3 } });
  });

  it('sets the folders and formats, and the command-line options override it', () => {
    const build = findCommand('build')!;
    const where = { cwd: '/p/data/meetings', root: '/p', toolTemplates: '/tool/templates' };
    const config = { outDir: 'site', formats: ['html' as const], libreOffice: '/opt/lo/soffice', fragmentHeadingLevel: 3, templatesDir: 'look' };
    expect(resolveSettings(build, {}, {}, where)).toEqual({ dataDir: '/p/data', outDir: '/p/output', templatesDir: '/tool/templates', formats: ['html', 'docx'] });
    expect(resolveSettings(build, {}, config, where)).toEqual({
      dataDir: '/p/data',
      outDir: '/p/site',
      templatesDir: '/p/look',
      formats: ['html'],
      fragmentHeadingLevel: 3,
      libreOffice: '/opt/lo/soffice',
    });
    expect(resolveSettings(build, { out: 'x', format: 'docx,pdf', libreoffice: 'lo' }, config, where)).toMatchObject({ outDir: '/p/data/meetings/x', formats: ['docx', 'pdf'], libreOffice: 'lo' });
    expect(() => resolveSettings(build, { format: 'odt' }, {}, where)).toThrow('--format takes html, docx, pdf: odt');
  });
});

describe('the JSON report', () => {
  it('has a committed JSON Schema generated from its zod schema (UPDATE=1 rewrites it)', async () => {
    const file = path.join(repoRoot, 'schemas/minutes-report.schema.json');
    const generated = await runReportJsonSchema();
    if (process.env.UPDATE) await writeFile(file, generated);
    expect(await readFile(file, 'utf8')).toBe(generated);
  });
});
