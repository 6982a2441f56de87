/**
 * What is inside each Word file of the bundled data, part by part: the SHA-256 of every part's uncompressed bytes, in
 * the order of the zip, committed in test/fixtures/golden/seed-docx-parts.json. The zip around them may change (a
 * new compressor gives other deflate bytes, and seed-outputs.json changes with it); the XML may not, unless a
 * deliberate change rewrites this file with UPDATE=1 too. The pins were first written by the fflate zip writer, so
 * this test proves that the native zlib writer and the shared parts (package-shell.ts) changed nothing inside.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import { buildProject } from '../../src/build.js';
import { buildBundledData, repoRoot, seedMeetings } from '../support/build-bundled.js';

const goldenFile = path.join(repoRoot, 'test/fixtures/golden/seed-docx-parts.json');

describe('the Word files of the bundled data', () => {
  it('hold the same parts, in the same order, with the same bytes as the committed ones', async () => {
    const { outDir } = await buildBundledData(['docx']);
    const files = (await readdir(outDir)).filter((f) => f.endsWith('.docx')).sort();
    for (const id of seedMeetings) expect(files).toContain(`${id}.docx`);
    const parts: Record<string, Record<string, string>> = {};
    for (const file of files) {
      const unzipped = unzipSync(new Uint8Array(await readFile(path.join(outDir, file))));
      parts[file] = Object.fromEntries(Object.entries(unzipped).map(([name, bytes]) => [name, createHash('sha256').update(bytes).digest('hex')]));
    }
    if (process.env.UPDATE === '1') await writeFile(goldenFile, `${JSON.stringify(parts, null, 2)}\n`);
    const expected = JSON.parse(await readFile(goldenFile, 'utf8')) as typeof parts;
    for (const file of files) expect(Object.keys(parts[file]), `part order of ${file}`).toEqual(Object.keys(expected[file] ?? {}));
    expect(parts).toEqual(expected);
  });

  it('are the same bytes when the worker threads write them, each keeping the shared parts of its style map', async () => {
    const { outDir, project } = await buildBundledData(['docx']);
    const pooled = await mkdtemp(path.join(os.tmpdir(), 'minutes-pooled-'));
    // Two workers for five files: each writes several, so its package shell is warm for all but its first.
    await buildProject(project, { cwd: repoRoot, outDir: pooled, templatesDir: path.join(repoRoot, 'templates'), formats: ['docx'], workers: true });
    const files = (await readdir(outDir)).filter((f) => f.endsWith('.docx')).sort();
    expect(files.length).toBeGreaterThanOrEqual(seedMeetings.length);
    for (const file of files) {
      const [alone, byWorker] = await Promise.all([readFile(path.join(outDir, file)), readFile(path.join(pooled, file))]);
      expect(byWorker.equals(alone), file).toBe(true);
    }
  });
});
