import { cp, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../src/build.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { watchProject } from '../src/watch.js';
import { repoRoot } from './support/build-bundled.js';

function nextBuild(events: { result: BuildResult; diagnostics: Diagnostic[] }[], count: number, timeoutMs = 20_000) {
  return new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (events.length >= count) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`no build #${count} within ${timeoutMs} ms`));
      }
    }, 20);
  });
}

describe('minutes watch', () => {
  it('rebuilds on save (also on save-by-rename), reports a broken edit without stopping or touching outputs', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-watch-'));
    await cp(path.join(repoRoot, 'data'), path.join(dir, 'data'), { recursive: true });
    const events: { result: BuildResult; diagnostics: Diagnostic[] }[] = [];
    const errors: unknown[] = [];
    const watcher = watchProject({
      cwd: dir,
      dataDir: 'data',
      outDir: 'output',
      templatesDir: path.join(repoRoot, 'templates'),
      formats: ['html'],
      onBuild: (result, diagnostics) => events.push({ result, diagnostics }),
      onError: (error) => errors.push(error),
    });
    try {
      await nextBuild(events, 1);
      const meetingPath = path.join(dir, 'data/meetings/fy2023-08.md');
      const page = path.join(dir, 'output/fy2023-08.html');
      const original = await readFile(meetingPath, 'utf8');

      // Save by rename, as many editors do.
      await writeFile(`${meetingPath}.swp`, original.replace('place: Web会議', 'place: 第1会議室'));
      await rename(`${meetingPath}.swp`, meetingPath);
      await nextBuild(events, 2);
      expect(await readFile(page, 'utf8')).toContain('第1会議室');
      expect(events[1].result.written.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['fy2023-08.html']));
      expect(events[1].result.unchanged).toEqual(expect.arrayContaining(['fy2022-08', 'fy2024-08', 'fy2025-01']));

      // A broken edit: located diagnostics, the page stays as it was, the watch goes on.
      const before = await readFile(page, 'utf8');
      await writeFile(meetingPath, original.replace('start: "15:00"', 'start: "25:00"'));
      await nextBuild(events, 3);
      const broken = events[2].diagnostics.find((d) => d.id === 'invalid-time');
      expect(broken?.file).toContain('fy2023-08.md');
      expect(broken?.start.line).toBeGreaterThan(1);
      expect(await readFile(page, 'utf8')).toBe(before);

      await writeFile(meetingPath, original);
      await nextBuild(events, 4);
      expect(await readFile(page, 'utf8')).toContain('Web会議');
      expect(errors).toEqual([]);
    } finally {
      await watcher.close();
    }
  });
});
