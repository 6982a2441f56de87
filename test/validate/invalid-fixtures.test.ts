/**
 * One fixture per diagnostic: test/fixtures/invalid/<id>/ holds a small data folder (meetings/, incidents/, and
 * optionally templates/ files that replace the bundled ones) and expected.diagnostics.txt, one
 * `file:line:column severity id` a line, sorted. Every catalogue id must have its folder. UPDATE=1 rewrites the
 * expected files; reviewers read the diff.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build.js';
import { catalog } from '../../src/diagnostics/catalog.js';
import { importDiagnostics } from '../../src/import/import-diagnostics.js';
import { importMinutes } from '../../src/import/import-minutes.js';
import { readCodes } from '../../src/load/read-codes.js';
import { validateSources } from '../../src/pipeline.js';
import { listMarkdownFiles } from '../../src/load/list-markdown.js';
import { allDiagnostics } from '../../src/project.js';
import { readSource } from '../../src/load/read-source.js';
import { repoRoot } from '../support/build-bundled.js';

const fixturesDir = path.join(repoRoot, 'test/fixtures/invalid');
const ids = Object.keys(catalog).sort();

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * A fixture too big to commit (file-too-large) describes its file in generate.json: { path, bytes, line }. The runner
 * writes it into a temp copy of the fixture: `line` repeated up to `bytes`.
 */
async function materialize(fixture: string): Promise<string> {
  const spec = path.join(fixture, 'generate.json');
  if (!(await exists(spec))) return fixture;
  const { path: relative, bytes, line } = JSON.parse(await readFile(spec, 'utf8')) as { path: string; bytes: number; line: string };
  const copy = await mkdtemp(path.join(os.tmpdir(), 'minutes-fixture-'));
  await cp(fixture, copy, { recursive: true });
  await mkdir(path.dirname(path.join(copy, relative)), { recursive: true });
  await writeFile(path.join(copy, relative), line.repeat(Math.ceil(bytes / Buffer.byteLength(line))));
  return copy;
}

/**
 * A warning of `minutes import` (import-uncertain) is about the text being imported, not a data folder: such a
 * fixture holds the text in import/, and its warnings are located in that text.
 */
async function importDiagnosticsOf(fixture: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of (await readdir(path.join(fixture, 'import'))).sort()) {
    const input = path.join('import', name);
    const text = await readFile(path.join(fixture, input), 'utf8');
    const diagnostics = importDiagnostics(importMinutes(text, input, readCodes(path.join(repoRoot, 'data'))), text);
    found.push(...diagnostics.map((d) => `${d.file}:${d.start.line}:${d.start.column} ${d.severity} ${d.id}`));
  }
  return found.sort();
}

/** Validates (and, when the fixture brings templates, builds) one fixture; returns its diagnostics as lines. */
async function diagnosticsOf(folder: string): Promise<string[]> {
  if (await exists(path.join(folder, 'import'))) return importDiagnosticsOf(folder);
  const fixture = await materialize(folder);
  const dataDir = path.join(fixture, 'data');
  const files = listMarkdownFiles(dataDir).map((f) => readSource(f, fixture));
  const project = validateSources(files, dataDir, readCodes(path.join(repoRoot, 'data')));
  const found = allDiagnostics(project);
  if (await exists(path.join(fixture, 'templates'))) {
    const templatesDir = await mkdtemp(path.join(os.tmpdir(), 'minutes-fixture-templates-'));
    await cp(path.join(repoRoot, 'templates'), templatesDir, { recursive: true });
    await cp(path.join(fixture, 'templates'), templatesDir, { recursive: true });
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'minutes-fixture-out-'));
    // Word too: a class with no Word style (unstyled-class) is checked when the style map is read.
    const result = await buildProject(project, { cwd: fixture, outDir, templatesDir, formats: ['html', 'docx'] });
    found.push(...result.diagnostics.map((d) => ({ ...d, file: path.relative(templatesDir, d.file).startsWith('..') ? d.file : path.join('templates', path.relative(templatesDir, d.file)) })));
  }
  return found.map((d) => `${d.file}:${d.start.line}:${d.start.column} ${d.severity} ${d.id}`).sort();
}

describe('one fixture per diagnostic', () => {
  it('has a test/fixtures/invalid/<id>/ folder for every catalogue id', async () => {
    const folders = (await readdir(fixturesDir)).sort();
    expect(ids.filter((id) => !folders.includes(id))).toEqual([]);
  });

  for (const id of ids) {
    it(`reports ${id} where its fixture expects it`, async () => {
      const fixture = path.join(fixturesDir, id);
      const expectedFile = path.join(fixture, 'expected.diagnostics.txt');
      const actual = await diagnosticsOf(fixture);
      expect(actual.some((line) => line.endsWith(` ${id}`))).toBe(true);
      if (process.env.UPDATE === '1') await writeFile(expectedFile, `${actual.join('\n')}\n`);
      const expected = (await readFile(expectedFile, 'utf8')).split('\n').filter(Boolean);
      expect(actual).toEqual(expected);
    });
  }
});
