import { appendFile, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCompiledTool, runTool } from '../support/compiled-tool.js';
import { makeSmallProjectWithTemplates, smallMeeting, type CliRun } from '../support/small-project.js';

// Issue 16: `minutes build` with nothing to do answers from the stat record the last unchanged run left
// (src/cli/stat-record.ts), without loading the bundle. MINUTES_FAST_PATH_TRACE names a file where the fast path
// writes `hit` or `miss <reason>`: the tests assert on that, never on time.

let tool: string;
beforeAll(async () => {
  tool = await makeCompiledTool();
});

interface Run extends CliRun {
  /** What the fast path wrote: `hit`, or `miss <reason>`. */
  path: string;
}

async function build(dir: string, args: string[] = [], cwd = dir): Promise<Run> {
  const trace = path.join(dir, 'fast-path.trace');
  await rm(trace, { force: true });
  const result = await runTool(tool, cwd, ['build', '--templates', path.join(dir, 'templates'), ...args], { MINUTES_FAST_PATH_TRACE: trace });
  return { ...result, path: (await readFile(trace, 'utf8').catch(() => 'no trace')).trim() };
}

/** Builds until the fast path answers (the first unchanged run records; outputs just written are never trusted). */
async function settle(dir: string, args: string[] = [], cwd = dir): Promise<Run> {
  for (let i = 0; i < 4; i++) {
    const run = await build(dir, args, cwd);
    if (run.path === 'hit') return run;
  }
  throw new Error('the fast path never answered an unchanged run');
}

/** The small project, with a second meeting that draws two warnings (code frames to repeat). */
async function makeProjectWithWarnings(): Promise<string> {
  const dir = await makeSmallProjectWithTemplates();
  await writeFile(path.join(dir, 'data/meetings/fy2025-01.md'), smallMeeting.replace('number: 3', 'number: 1').replace('2025-09-10', '2025-07-01'));
  return dir;
}

/** Rewrites a file with other bytes of the same length, then sets its access and modification times back. */
async function editKeepingSizeAndTimes(file: string, from: string, to: string): Promise<void> {
  const before = await stat(file);
  const text = await readFile(file, 'utf8');
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
  await utimes(file, before.atime, before.mtime);
  expect((await stat(file)).size).toBe(before.size);
}

const withoutTime = (text: string) => text.replace(/\d+\.\d (秒|s)\n$/, '').replace(/"elapsedMs": \d+/, '');

const recordsOf = async (toolRoot: string) => {
  const folder = path.join(toolRoot, 'node_modules/.cache/telecom-accident-minutes/runs');
  return (await readdir(folder)).map((name) => path.join(folder, name));
};

describe('the fast path of an unchanged build', () => {
  it('answers an unchanged rerun, printing exactly what the normal unchanged run prints, with its exit code', async () => {
    const dir = await makeProjectWithWarnings();
    for (const args of [[], ['--json'], ['--lang', 'en', '--strict']]) {
      const fast = await settle(dir, args);
      for (const record of await recordsOf(tool)) await rm(record);
      const normal = await build(dir, args);
      expect(normal.path).toBe('miss no record');
      if (args.length === 0) {
        expect(normal.stdout).toContain('変更なし  すべて');
        expect(normal.stderr).toContain('incident-after-meeting');
      }
      expect(withoutTime(fast.stdout)).toBe(withoutTime(normal.stdout));
      expect(fast.stderr).toBe(normal.stderr);
      expect(fast.code).toBe(normal.code);
      expect(fast.code).toBe(args.includes('--strict') ? 1 : 0);
      // The normal unchanged run recorded its answer: the next one is fast again.
      expect((await build(dir, args)).path).toBe('hit');
    }
  });

  // Every way a change can hide from a stat: each must send the run down the normal path.
  const cases: { name: string; change: (dir: string) => Promise<void>; rebuilds: boolean; cwd?: string; args?: string[] }[] = [
    {
      name: 'a data file edited to the same size, its times set back',
      change: (dir) => editKeepingSizeAndTimes(path.join(dir, 'data/meetings/fy2025-03.md'), '説明が行われた。', '説明が行われる。'),
      rebuilds: true,
    },
    {
      name: 'a data file touched',
      change: async (dir) => {
        const now = new Date();
        await utimes(path.join(dir, 'data/incidents/2025-08-01-test.md'), now, now);
      },
      rebuilds: false,
    },
    { name: 'a data file added', change: (dir) => writeFile(path.join(dir, 'data/meetings/fy2025-04.md'), smallMeeting.replace('number: 3', 'number: 4')), rebuilds: true },
    { name: 'a data file removed', change: (dir) => rm(path.join(dir, 'data/meetings/fy2025-01.md')), rebuilds: true },
    { name: 'a data file in a new folder', change: (dir) => mkdir(path.join(dir, 'data/figures')).then(() => writeFile(path.join(dir, 'data/figures/x.txt'), 'x')), rebuilds: false },
    { name: 'a template edited', change: (dir) => appendFile(path.join(dir, 'templates/styles.css'), '\n/* edited */\n'), rebuilds: true },
    { name: 'an output deleted', change: (dir) => rm(path.join(dir, 'output/fy2025-03.html')), rebuilds: true },
    {
      name: 'an output edited to the same size, its times set back',
      change: (dir) => editKeepingSizeAndTimes(path.join(dir, 'output/fy2025-03.html'), '</html>', '</HTML>'),
      rebuilds: false,
    },
    { name: 'a configuration file added', change: (dir) => writeFile(path.join(dir, 'minutes.config.json'), '{ "lang": "en" }\n'), rebuilds: false },
    { name: 'other options', change: async () => undefined, args: ['--lang', 'en'], rebuilds: false },
    { name: 'another folder', change: async () => undefined, cwd: 'data/meetings', rebuilds: false },
    {
      name: 'the tool rebuilt',
      change: () => appendFile(path.join(tool, 'dist/cli.js'), '\n// rebuilt\n'),
      rebuilds: true,
    },
  ];

  it.each(cases)('takes the normal path after $name', async ({ change, rebuilds, cwd, args = [] }) => {
    const dir = await makeProjectWithWarnings();
    await settle(dir);
    await change(dir);
    const after = await build(dir, args, cwd ? path.join(dir, cwd) : dir);
    expect(after.path).toMatch(/^miss /);
    expect(after.stderr).not.toContain('internal error');
    // A change of content is built; a change of description alone is answered by the normal path, from content.
    if (rebuilds) expect(after.stdout).toMatch(/書き出し|wrote/);
  });

  it('takes the normal path with a corrupt record, and never with --force', async () => {
    const dir = await makeProjectWithWarnings();
    await settle(dir);
    for (const record of await recordsOf(tool)) await writeFile(record, '{"version":1,"trunc');
    const corrupt = await build(dir);
    expect(corrupt.path).toBe('miss no record');
    expect(corrupt.stdout).toContain('変更なし  すべて');
    await settle(dir);
    const forced = await build(dir, ['--force']);
    expect(forced.path).toBe('no trace');
    expect(forced.stdout).toContain('書き出し');
  });
});
