import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject, createBuildCaches } from '../../src/build.js';
import { openParseStore, type ParseStore } from '../../src/load/parse-store.js';
import { createLoadCaches, loadProject } from '../../src/pipeline.js';
import { repoRoot } from '../support/build-bundled.js';

/** A store that counts what it answered (the real one underneath). */
function counting(store: ParseStore): ParseStore & { hits: number } {
  const counted = {
    hits: 0,
    get: (text: string) => {
      const kept = store.get(text);
      if (kept) counted.hits++;
      return kept;
    },
    put: (text: string, data: unknown) => store.put(text, data),
  };
  return counted;
}

/** Builds the bundled data (HTML and Word) into a fresh folder with a store, or none; returns every output's bytes. */
async function buildWith(store: ParseStore | undefined): Promise<Map<string, Buffer>> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'minutes-store-out-'));
  const project = await loadProject({ cwd: repoRoot, dataDir: path.join(repoRoot, 'data'), caches: { ...createLoadCaches(), store } });
  const caches = { ...createBuildCaches(), parseStore: store };
  await buildProject(project, { cwd: repoRoot, outDir, templatesDir: path.join(repoRoot, 'templates'), formats: ['html', 'docx'], caches });
  const names = (await readdir(outDir)).filter((name) => !name.startsWith('.')).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(outDir, name))] as const)));
}

async function entriesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath ?? e.path, e.name));
}

describe('the store of clean parses and compiled templates', () => {
  it('gives byte-identical outputs without it, filling it, reading it, and with every entry corrupt', async () => {
    const toolRoot = await mkdtemp(path.join(os.tmpdir(), 'minutes-store-tool-'));
    await mkdir(path.join(toolRoot, 'node_modules'));
    const without = await buildWith(undefined);
    expect(without.size).toBeGreaterThan(8);

    const filling = counting(openParseStore(toolRoot, 'code-1')!);
    expect(await buildWith(filling)).toEqual(without);
    expect(filling.hits).toBe(0);
    const entries = await entriesUnder(path.join(toolRoot, 'node_modules/.cache/telecom-accident-minutes/parsed'));
    // Every record, the style map and the template set.
    expect(entries.length).toBeGreaterThan(10);

    const reading = counting(openParseStore(toolRoot, 'code-1')!);
    expect(await buildWith(reading)).toEqual(without);
    expect(reading.hits).toBe(entries.length);

    // Another build of the tool reads none of them.
    const otherCode = counting(openParseStore(toolRoot, 'code-2')!);
    expect(await buildWith(otherCode)).toEqual(without);
    expect(otherCode.hits).toBe(0);

    for (const [i, entry] of entries.entries()) await writeFile(entry, i % 2 ? '{"key":"x","data":1}' : '{"trunc');
    const corrupt = counting(openParseStore(toolRoot, 'code-1')!);
    expect(await buildWith(corrupt)).toEqual(without);
    expect(corrupt.hits).toBe(0);
    // Recomputed and kept again.
    expect((await buildWith(counting(openParseStore(toolRoot, 'code-1')!))).size).toBe(without.size);
  });

  it('keeps no parse with a problem, and no template set with a mistake', async () => {
    const toolRoot = await mkdtemp(path.join(os.tmpdir(), 'minutes-store-tool-'));
    await mkdir(path.join(toolRoot, 'node_modules'));
    const store = openParseStore(toolRoot, 'code')!;
    const { parseStructuredFile } = await import('../../src/load/read-source.js');
    const { compileTemplates } = await import('../../src/render/handlebars-env.js');
    parseStructuredFile('bad.json', '/bad.json', '{ "a": 1, "a": 2 }', store);
    parseStructuredFile('nan.yaml', '/nan.yaml', 'a: .nan\n', store);
    compileTemplates('/t', [{ file: '/t/meeting.hbs', text: '{{#if}}', name: 'meeting', partial: false }], store);
    expect(await entriesUnder(path.join(toolRoot, 'node_modules/.cache/telecom-accident-minutes/parsed'))).toEqual([]);
    // A clean one is kept.
    expect(parseStructuredFile('good.json', '/good.json', '{ "a": 1 }', store).data).toEqual({ a: 1 });
    expect(store.get('{ "a": 1 }')).toEqual({ data: { a: 1 } });
  });
});
