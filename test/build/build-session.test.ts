import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBuildSession } from '../../src/build-session.js';
import { convert } from '../../src/index.js';
import { repoRoot } from '../support/build-bundled.js';

async function copyOfData(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-session-'));
  await cp(path.join(repoRoot, 'data'), path.join(dir, 'data'), { recursive: true });
  return dir;
}

const optionsIn = (cwd: string) => ({ cwd, dataDir: 'data', outDir: 'out', templatesDir: path.join(repoRoot, 'templates'), formats: ['html'] as const });

describe('a build session', () => {
  it('kept alive, reuses its parsed files between rebuilds and rebuilds nothing unchanged', async () => {
    const dir = await copyOfData();
    const session = createBuildSession({ ...optionsIn(dir), keepAlive: true });
    try {
      const first = await session.rebuild();
      const second = await session.rebuild();
      expect(second.nothingChanged).toBe(false);
      expect(second.result.unchanged.length).toBe(first.result.written.filter((f) => /\/(fy|report-)[^/]*\.html$/.test(f)).length);
      // The same parse while a file is unchanged: its verdict and its lines are not computed again.
      const before = first.project!.files.map((f) => f.origin);
      expect(before.every((origin) => origin !== undefined)).toBe(true);
      expect(second.project!.files.every((f, i) => f.origin === before[i])).toBe(true);
    } finally {
      await session.dispose();
    }
    await expect(session.rebuild()).rejects.toThrow(/disposed/);
  });

  it('two sessions share no cache: a one-off session parses afresh, with no origin', async () => {
    const dir = await copyOfData();
    const watchLike = createBuildSession({ ...optionsIn(dir), outDir: 'a', keepAlive: true });
    const oneOff = createBuildSession({ ...optionsIn(dir), outDir: 'b' });
    try {
      const kept = await watchLike.rebuild();
      const fresh = await oneOff.rebuild();
      expect(fresh.project!.files.every((f) => f.origin === undefined)).toBe(true);
      expect(kept.project!.files.every((f) => f.origin !== undefined)).toBe(true);
      expect(fresh.diagnostics).toEqual(kept.diagnostics);
    } finally {
      await Promise.all([watchLike.dispose(), oneOff.dispose()]);
    }
  });

  it('answers an unchanged run from the manifest, for the library’s convert() too', async () => {
    const dir = await copyOfData();
    const outDir = 'out';
    const first = await convert({ cwd: dir, outDir, formats: ['html'], templatesDir: path.join(repoRoot, 'templates') });
    expect(first.nothingChanged).toBe(false);
    expect(first.result.written.length).toBeGreaterThan(0);
    const second = await convert({ cwd: dir, outDir, formats: ['html'], templatesDir: path.join(repoRoot, 'templates') });
    expect(second.nothingChanged).toBe(true);
    expect(second.result.written).toEqual([]);
    expect(second.diagnostics).toEqual(first.diagnostics);
    const forced = await convert({ cwd: dir, outDir, formats: ['html'], templatesDir: path.join(repoRoot, 'templates'), force: true });
    expect(forced.nothingChanged).toBe(false);
    expect(forced.result.written.length).toBeGreaterThan(0);
  });
});
