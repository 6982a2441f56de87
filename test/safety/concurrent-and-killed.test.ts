import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build-bundled.js';
import { runMinutes } from '../support/small-project.js';

let dir: string;
/** Outputs of the data as it was (old) and as corrected (new), built into their own folders. */
let oldOut: Map<string, Buffer>;
let newOut: Map<string, Buffer>;

async function filesOf(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of await readdir(folder, { recursive: true })) {
    if (path.basename(name).startsWith('.')) continue;
    const bytes = await readFile(path.join(folder, name)).catch(() => undefined);
    if (bytes) files.set(name, bytes);
  }
  return files;
}

async function correct(): Promise<void> {
  const meeting = path.join(dir, 'data/meetings/fy2023-08.md');
  await writeFile(meeting, (await readFile(meeting, 'utf8')).replace('place: Web会議', 'place: 総務省会議室'));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-kill-'));
  await cp(path.join(repoRoot, 'data'), path.join(dir, 'data'), { recursive: true });
  expect((await runMinutes(dir, ['build', '--out', 'old'])).code).toBe(0);
  oldOut = await filesOf(path.join(dir, 'old'));
  await correct();
  expect((await runMinutes(dir, ['build', '--out', 'new'])).code).toBe(0);
  newOut = await filesOf(path.join(dir, 'new'));
  expect(newOut.get('fy2023-08.html')!.equals(oldOut.get('fy2023-08.html')!)).toBe(false);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Every output is the old or the new version of itself, complete; the manifest is JSON. */
async function expectOldOrNew(out: string): Promise<void> {
  for (const [name, bytes] of await filesOf(out)) {
    const matches = oldOut.get(name)?.equals(bytes) || newOut.get(name)?.equals(bytes);
    expect(matches, `${name} is neither the old nor the new version`).toBe(true);
    if (name.endsWith('.docx')) expect(() => unzipSync(new Uint8Array(bytes))).not.toThrow();
  }
  const manifest = await readFile(path.join(out, '.minutes-manifest.json'), 'utf8').catch(() => undefined);
  if (manifest !== undefined) expect(() => JSON.parse(manifest)).not.toThrow();
}

async function expectRecovered(out: string): Promise<void> {
  const next = await runMinutes(dir, ['build', '--out', out]);
  expect(next.stderr).toBe('');
  expect(next.code).toBe(0);
  expect((await readdir(path.join(dir, out))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  const files = await filesOf(path.join(dir, out));
  for (const [name, bytes] of newOut) expect(files.get(name)?.equals(bytes), name).toBe(true);
}

describe('builds that overlap or are killed', () => {
  it('two builds at once on one output folder leave every file complete, and the next build recovers', async () => {
    await cp(path.join(dir, 'old'), path.join(dir, 'both'), { recursive: true });
    const [a, b] = await Promise.all([runMinutes(dir, ['build', '--out', 'both', '--force']), runMinutes(dir, ['build', '--out', 'both', '--force'])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    await expectOldOrNew(path.join(dir, 'both'));
    await expectRecovered('both');
  });

  for (const afterMs of [300, 1200, 2500, 4000]) {
    it(`a build killed (SIGKILL) ${afterMs} ms after it started leaves each file old or new and complete; the next build recovers`, async () => {
      const out = `killed-${afterMs}`;
      await cp(path.join(dir, 'old'), path.join(dir, out), { recursive: true });
      const child = spawn('node', [path.join(repoRoot, 'bin/minutes.js'), 'build', '--out', out, '--force'], { cwd: dir, stdio: 'ignore' });
      const ended = new Promise((resolve) => child.on('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, afterMs));
      child.kill('SIGKILL');
      await ended;
      await expectOldOrNew(path.join(dir, out));
      await expectRecovered(out);
    });
  }
});
